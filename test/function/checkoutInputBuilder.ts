import type { CheckoutInput, CheckoutLineInput } from '../../src/domain/constraints/checkoutInput';
import { inputAlias } from '../../src/domain/constraints/checkoutInput';
import type { MetafieldValue } from '../../src/domain/constraints/locationConstraints';
import { LOCATION_KEYS } from '../../src/domain/constraints/metafieldKeys';

/**
 * The Function's input as Shopify would send it for our query: what the sync pushed, read
 * back through the query's aliases (absent metafields are null, as Shopify gives them).
 */
export interface CartLineSpec {
  variantGid: string;
  productGid: string;
  quantity: number;
}

export function checkoutInput(options: {
  locationGid: string | null;
  locationValues: readonly MetafieldValue[];
  ownerValues: ReadonlyMap<string, readonly MetafieldValue[]>;
  lines: readonly CartLineSpec[];
  subtotal: string;
}): CheckoutInput {
  const rulesOf = (gid: string) => {
    const v = options.ownerValues.get(gid)?.find((m) => m.key === 'rules');
    return v ? { value: v.value } : null;
  };
  const location = options.locationGid
    ? {
        id: options.locationGid,
        ...Object.fromEntries(
          LOCATION_KEYS.map((key) => {
            const v = options.locationValues.find((m) => m.key === key);
            return [inputAlias(key), v ? { value: v.value } : null];
          }),
        ),
      }
    : null;
  const lines: CheckoutLineInput[] = options.lines.map((l) => ({
    quantity: l.quantity,
    merchandise: { id: l.variantGid, rules: rulesOf(l.variantGid), product: { id: l.productGid, rules: rulesOf(l.productGid) } },
  }));
  return {
    cart: {
      cost: { subtotalAmount: { amount: options.subtotal } },
      buyerIdentity: location ? { purchasingCompany: { location } } : null,
      lines,
    },
  };
}
