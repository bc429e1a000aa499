/**
 * The Validation Function's input, as its query (extensions/cart-validation/src/
 * cart_validations_generate_run.graphql) asks Shopify for it. Kept small on purpose: the
 * whole input is capped at 128 KB, and every byte a cart line costs is multiplied by 500.
 */
export interface MetafieldInput {
  value: string;
}

export interface CheckoutLineInput {
  quantity: number;
  /** A ProductVariant's fields; `{}` for other merchandise (custom products). */
  merchandise: {
    id?: string;
    rules?: MetafieldInput | null;
    product?: { id: string; rules?: MetafieldInput | null };
  };
}

/** The company location's metafields, under the aliases the query gives them (quota0 … price1). */
export type CheckoutLocationInput = { id: string; constraints?: MetafieldInput | null } & Partial<Record<string, MetafieldInput | null | string>>;

export interface CheckoutInput {
  cart: {
    cost: { subtotalAmount: { amount: string } };
    buyerIdentity?: { purchasingCompany?: { location: CheckoutLocationInput } | null } | null;
    lines: CheckoutLineInput[];
  };
}

/** The alias of a shard key in the input query: `quota_3` → `quota3`. */
export const inputAlias = (key: string) => key.replace('_', '');
