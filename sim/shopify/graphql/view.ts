/**
 * What resolvers hand to graphql-js: plain objects named by their GraphQL type, whose keys
 * are the fields the simulator implements. A value is either the field's value or a
 * function of the field's arguments. A field missing from a view is one the simulator does
 * not implement, and asking for it is a GraphQL error that says so.
 */
export type FieldFn = (args: Record<string, unknown>) => unknown;

export interface View {
  readonly __typename: string;
  readonly [field: string]: unknown;
}

export function fieldValue(view: View, field: string, args: Record<string, unknown>): unknown {
  const value = view[field];
  return typeof value === 'function' ? (value as FieldFn)(args) : value;
}

/** `MoneyV2` and `MoneyBag` views of an amount. */
export const moneyV2 = (amount: string, currencyCode: string): View => ({ __typename: 'MoneyV2', amount, currencyCode });
export const moneyBag = (amount: string, currencyCode: string): View => ({
  __typename: 'MoneyBag',
  shopMoney: moneyV2(amount, currencyCode),
  presentmentMoney: moneyV2(amount, currencyCode),
});
