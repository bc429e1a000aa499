import type { Pool } from 'pg';
import { runCartStory, runConstraintSync } from './cartStory';
import { checkAtCheckout, type CheckoutFunction, type CheckoutVerdict } from './checkoutStory';
import { DemoError, type DemoClient, type Json } from './demoClient';
import { CASE_PACK, DEMO_LOCATIONS, NORTHWIND, QUOTA } from './demoShop';
import { DEMO_CART_LINES, demoCartLines } from './sampleCart';
import { seedDemoShop } from './seedDemoShop';

/** How many drafts the demo cart must become: 1,200 lines to one warehouse, ≤ 499 per draft. */
const EXPECTED_DRAFTS = Math.ceil(DEMO_CART_LINES / 499);

const thousands = (n: number) => n.toLocaleString('en-US');
const money = (amount: string) => Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const secs = (s: number) => `${s.toFixed(1)} s`;

function check(ok: boolean, step: string, what: string): void {
  if (!ok) throw new DemoError(step, what);
}

function verdictLines(label: string, v: CheckoutVerdict): string[] {
  const cart = v.lines.map((l) => `${l.quantity} × ${l.sku}`).join(' + ');
  const backend = v.backend.valid ? 'valid' : `refused (${v.backend.errors.map((e) => e.code).join(', ')})`;
  const fn = v.functionErrors.length === 0 ? 'valid' : `refused, ${v.functionErrors.length} message(s) to the buyer`;
  return [`   ${label} ${cart}: backend ${backend}; Function ${fn}`, ...v.functionErrors.map((m) => `     buyer sees: "${m}"`)];
}

/**
 * The whole story on a running service whose shop is the simulated demo shop: seed it
 * (catalog import, companies, rules, approver), a 1,200-line cart → linked drafts →
 * approval → orders, a constraint sync, and checkout validation by the backend and by the
 * Function. Says what happened, with Web UI links; throws a DemoError at the first step
 * that does not do what it should.
 */
export async function runDemoStory(deps: { client: DemoClient; pool: Pool; shop: string; expectedSkus: number; workflowUrl: (id: string) => string; checkout: CheckoutFunction; say: (line: string) => void }): Promise<void> {
  const { client, pool, shop, say } = deps;

  const seeded = await seedDemoShop({ client, pool, shop });
  check(seeded.skuCount === deps.expectedSkus, 'catalog import', `${seeded.skuCount} SKUs in PostgreSQL, expected ${deps.expectedSkus}`);
  const { rules } = seeded;
  say(`1. Catalog import: ${thousands(seeded.skuCount)} SKUs (bulk export → COPY → merge) in ${secs(seeded.catalog.seconds)}  ${deps.workflowUrl(seeded.catalog.workflowId)}`);
  say(`2. Demo shop: ${DEMO_LOCATIONS.length} companies by their companies/create and company_locations/create webhooks (${DEMO_LOCATIONS.map((l) => l.companyName).join('; ')}),`);
  say(`   ${thousands(rules.negotiatedPrices)} negotiated prices with quantity breaks, routes ${rules.routes.map((r) => `${r.country === '*' ? 'elsewhere' : r.country} → ${r.warehouses.join(', ')}`).join('; ')},`);
  say(`   a quota of ${QUOTA.maxQuantity}/${QUOTA.period} on ${rules.quotaSku.sku}, cases of ${CASE_PACK} on ${rules.casePackSku.sku}; approver ${seeded.approver.name} (token shown once: ${seeded.approver.token})`);

  const cart: Json = {
    shop,
    companyLocationId: NORTHWIND.gid,
    poNumber: 'PO-DEMO-1001',
    shipping: { title: 'LTL freight', price: '480.00' },
    lines: demoCartLines(rules.skus),
  };
  const story = await runCartStory({ client, approverToken: seeded.approver.token, cart, idempotencyKey: `demo-${NORTHWIND.gid}-PO-DEMO-1001` });
  const { awaiting, completed } = story;
  check(awaiting.drafts.length === EXPECTED_DRAFTS, 'drafts', `expected ${EXPECTED_DRAFTS} drafts, got ${awaiting.drafts.length}`);
  check(awaiting.approval.required === true, 'approval', `the cart did not need approval (${JSON.stringify(awaiting.approval)})`);
  // By name for reading; the drafts are created 4 at a time, so names need not follow plan positions.
  const drafts = [...awaiting.drafts].sort((a: Json, b: Json) => String(a.name).localeCompare(String(b.name), 'en', { numeric: true }));
  say(`3. Cart of ${thousands(DEMO_CART_LINES)} lines for ${NORTHWIND.companyName} (${NORTHWIND.name}) → ${drafts.length} linked drafts (${drafts.map((d: Json) => `${d.name} ${d.lineCount} lines`).join(', ')}) in ${secs(story.seconds.drafts)},`);
  say(`   total ${money(awaiting.totals.total)} ${awaiting.currencyCode} ≥ ${money(NORTHWIND.settings.approvalThreshold!)}: awaiting approval  ${deps.workflowUrl(story.workflowId)}`);
  const orders: string[] = completed.drafts.map((d: Json) => d.orderId).sort();
  check(orders.length === EXPECTED_DRAFTS && orders.every(Boolean), 'orders', `not every draft became an order: ${JSON.stringify(completed.drafts)}`);
  say(`4. Approved by ${seeded.approver.name} (POST /carts/:id/approve) → ${orders.length} orders in ${secs(story.seconds.orders)}: ${orders.join(', ')}`);

  const sync = await runConstraintSync(client, shop);
  const state = await client.sim('GET', `/_sim/shops/${shop}/state`);
  const pushed = (state.body.metafields as Json[]).filter((m) => m.namespace === 'b2b').length;
  check(pushed > 0, 'constraint sync', 'no b2b metafields in the shop');
  say(`5. Constraint sync: ${pushed} b2b metafields on the shop for checkout  ${deps.workflowUrl(sync.workflowId)}`);

  const location = { client, checkout: deps.checkout, shop, companyLocationGid: NORTHWIND.gid };
  const ok = await checkAtCheckout({ ...location, lines: [{ sku: rules.quotaSku, quantity: QUOTA.maxQuantity }, { sku: rules.casePackSku, quantity: 2 * CASE_PACK }] });
  const bad = await checkAtCheckout({ ...location, lines: [{ sku: rules.quotaSku, quantity: QUOTA.maxQuantity + 1 }, { sku: rules.casePackSku, quantity: CASE_PACK + 1 }] });
  check(ok.backend.valid && ok.functionErrors.length === 0, 'checkout validation', `the passing cart was refused: ${JSON.stringify(ok)}`);
  check(!bad.backend.valid && bad.backend.errors.length === 2 && bad.functionErrors.length === 2, 'checkout validation', `the failing cart was not refused twice by both: ${JSON.stringify(bad)}`);
  say('6. Checkout validation, by the backend (POST /validate/cart) and by the Function on the pushed metafields:');
  for (const line of [...verdictLines('passes:', ok), ...verdictLines('fails: ', bad)]) say(line);
}
