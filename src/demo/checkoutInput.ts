import { inputAlias, type CheckoutInput } from '../domain/constraints/checkoutInput';
import { LOCATION_KEYS, NAMESPACE, RULES_KEY } from '../domain/constraints/metafieldKeys';

/** A metafield as the simulator's state lists it. */
export interface ShopMetafield {
  ownerId: string;
  namespace: string;
  key: string;
  value: string;
}

/**
 * The checkout Function's input as Shopify would build it for our input query
 * (extensions/cart-validation/src/cart_validations_generate_run.graphql) from the
 * metafields the constraint sync pushed: the location's keys under their aliases, each
 * line's variant and product `b2b.rules`; a metafield that is not there is null, as
 * Shopify gives it. Pure.
 */
export function checkoutInputFrom(
  metafields: readonly ShopMetafield[],
  cart: { companyLocationGid: string; subtotal: string; lines: readonly { variantGid: string; productGid: string; quantity: number }[] },
): CheckoutInput {
  const value = (ownerId: string, key: string) => {
    const m = metafields.find((f) => f.ownerId === ownerId && f.namespace === NAMESPACE && f.key === key);
    return m ? { value: m.value } : null;
  };
  const location = { id: cart.companyLocationGid, ...Object.fromEntries(LOCATION_KEYS.map((key) => [inputAlias(key), value(cart.companyLocationGid, key)])) };
  return {
    cart: {
      cost: { subtotalAmount: { amount: cart.subtotal } },
      buyerIdentity: { purchasingCompany: { location } },
      lines: cart.lines.map((l) => ({
        quantity: l.quantity,
        merchandise: { id: l.variantGid, rules: value(l.variantGid, RULES_KEY), product: { id: l.productGid, rules: value(l.productGid, RULES_KEY) } },
      })),
    },
  };
}
