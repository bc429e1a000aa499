import type { CheckoutInput } from '../domain/constraints/checkoutInput';
import { checkoutInputFrom, type ShopMetafield } from './checkoutInput';
import { expectStatus, type DemoClient } from './demoClient';
import type { DemoSku } from './demoRules';

/**
 * The checkout Function (extensions/cart-validation), passed in by the entry point: its
 * code lives outside src/ (Shopify CLI layout), where the service's build does not reach.
 */
export type CheckoutFunction = (input: CheckoutInput) => { operations: { validationAdd: { errors: { message: string; target: string }[] } }[] };

export interface CheckoutVerdict {
  lines: { sku: string; quantity: number }[];
  backend: { valid: boolean; errors: { code: string; sku: string | null; message: string }[] };
  /** The buyer-facing messages checkout would show; none when the Function lets the cart through. */
  functionErrors: string[];
}

/**
 * One cart checked twice, as the two places that enforce the rules see it: the backend
 * (`POST /validate/cart`, rules from PostgreSQL) and the checkout Function, fed the input
 * Shopify would build from the metafields the constraint sync pushed to the shop.
 */
export async function checkAtCheckout(deps: {
  client: DemoClient;
  checkout: CheckoutFunction;
  shop: string;
  companyLocationGid: string;
  lines: readonly { sku: DemoSku; quantity: number }[];
}): Promise<CheckoutVerdict> {
  const { client } = deps;
  const lines = deps.lines.map((l) => ({ sku: l.sku.sku, quantity: l.quantity }));
  const backend = expectStatus('POST /validate/cart', await client.api('POST', '/validate/cart', { shop: deps.shop, companyLocationId: deps.companyLocationGid, lines }), 200);
  const state = expectStatus('simulator state', await client.sim('GET', `/_sim/shops/${deps.shop}/state`), 200);
  // Checkout's subtotal at list prices, in cents to stay exact.
  const cents = deps.lines.reduce((sum, l) => sum + Math.round(Number(l.sku.price) * 100) * l.quantity, 0);
  const input = checkoutInputFrom(state.metafields as ShopMetafield[], {
    companyLocationGid: deps.companyLocationGid,
    subtotal: (cents / 100).toFixed(2),
    lines: deps.lines.map((l) => ({ variantGid: l.sku.gid, productGid: l.sku.productGid, quantity: l.quantity })),
  });
  const result = deps.checkout(input);
  return {
    lines,
    backend: { valid: backend.valid, errors: backend.errors.map((e: { code: string; sku: string | null; message: string }) => ({ code: e.code, sku: e.sku, message: e.message })) },
    functionErrors: result.operations.flatMap((o) => o.validationAdd.errors.map((e) => e.message)),
  };
}
