/**
 * Constraints → metafields on real PostgreSQL, a real Temporal dev server and the Shopify
 * simulator: a full sync pushes each location's and the shop-wide rules; nothing changed →
 * not one call; an order webhook consuming quota → the next sync pushes exactly that
 * location's quota shard, and the checkout Function then refuses what the quota no longer
 * allows; a metafield changed behind our back → STALE → recomputed and rewritten; rules
 * removed → metafields deleted.
 */
import type { Client } from '@temporalio/client';
import { cartValidationsGenerateRun } from '../../extensions/cart-validation/src';
import type { Json } from '../../sim/shopify/testing/harness';
import type { ConstraintSyncStatus } from '../../src/workflows/constraintSyncWorkflow';
import type { RunningApi } from '../../src/api/startApi';
import type { RunningWorker } from '../../src/worker/startWorker';
import type { MetafieldValue } from '../../src/domain/constraints/locationConstraints';
import { LOC_APPROVAL, LOC_OPEN, startCartShop, type CartShop } from '../helpers/cartShop';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestApi, startTestWorker, uniqueTaskQueue } from '../helpers/service';
import { fixture, postWebhook, signedWebhook } from '../helpers/webhooks';
import { checkoutInput } from '../function/checkoutInputBuilder';

const TOKEN = 'admin-test-token';
// Its own shop: the sync's workflow ID is the shop's, and other suites on the same Temporal
// server start syncs for theirs (their order webhooks carry company locations).
const TEST_SHOP = 'constraints-test.myshopify.com';
let shop: CartShop;
let temporal: Client;
let api: RunningApi;
let worker: RunningWorker;

beforeAll(async () => {
  shop = await startCartShop({ products: 40, shop: TEST_SHOP });
  temporal = await connectClient();
  const taskQueue = uniqueTaskQueue('constraints');
  api = await startTestApi({ db: shop.database.db, temporal, taskQueue, adminApiToken: TOKEN });
  worker = await startTestWorker(shop.database.db, taskQueue, undefined, {}, { adminBaseUrl: `${shop.h.url}/{shop}` });
}, 60_000);
afterAll(async () => {
  await worker?.shutdown();
  await api?.close();
  await shop?.close();
  await temporal?.connection.close();
});

const q = (sql: string, params: unknown[] = []) => shop.database.pool.query(sql, params);
const simState = async (): Promise<Json> => (await fetch(`${shop.h.url}/_sim/shops/${TEST_SHOP}/state`)).json();
const requests = async () => (await simState()).requestStats.requests as number;
const metafieldsOf = async (owner: string): Promise<Record<string, Json>> =>
  Object.fromEntries(((await simState()).metafields as Json[]).filter((m) => m.ownerId === owner && m.namespace === 'b2b').map((m) => [m.key, m]));
const asValues = (mfs: Record<string, Json>): MetafieldValue[] => Object.values(mfs).map((m) => ({ key: m.key, type: m.type, value: m.value }));

async function syncNow(mode: 'full' | 'dirty' = 'full'): Promise<ConstraintSyncStatus> {
  const res = await fetch(`${api.url}/constraints/sync`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ shop: TEST_SHOP, mode }) });
  expect(res.status).toBe(202);
  const { workflowId, workflowUrl } = (await res.json()) as { workflowId: string; workflowUrl: string };
  expect(workflowId).toBe(`constraint-sync-${TEST_SHOP}`);
  // The answer links the workflow in the Temporal Web UI.
  expect(workflowUrl).toBe(`http://localhost:8233/namespaces/default/workflows/${encodeURIComponent(workflowId)}`);
  return temporal.workflow.getHandle(workflowId).result();
}

let c: { sku: string; gid: string; product: string };
let b: { sku: string; gid: string; product: string };

it('a full sync pushes each location’s tables and the shop-wide rules; a second one sends nothing', async () => {
  const withProduct = async (s: { sku: string; gid: string }) => ({ ...s, product: (await q('SELECT product_gid FROM product_variants WHERE gid = $1', [s.gid])).rows[0].product_gid as string });
  b = await withProduct(shop.skus[1]!);
  c = await withProduct(shop.skus[2]!);
  await q(`INSERT INTO quota_rules (shop, company_location_gid, scope_type, scope_gid, period, max_quantity) VALUES ($1, $2, 'variant', $3, 'month', 10)`, [TEST_SHOP, LOC_OPEN, c.gid]);
  await q(`INSERT INTO quantity_rules (shop, company_location_gid, scope_type, scope_gid, min_quantity, increment) VALUES ($1, NULL, 'product', $2, 6, 6)`, [TEST_SHOP, b.product]);
  await q(`INSERT INTO company_location_settings (shop, company_location_gid, credit_limit, open_balance) VALUES ($1, $2, 5000, 1200)
           ON CONFLICT (shop, company_location_gid) DO UPDATE SET credit_limit = 5000, open_balance = 1200`, [TEST_SHOP, LOC_APPROVAL]);

  const first = await syncNow();
  expect(first.last).toMatchObject({ written: expect.any(Number), deleted: 0, tooLarge: [], dirtyLeft: 0 });
  const open = await metafieldsOf(LOC_OPEN);
  // LOC_OPEN: quota and its negotiated prices (none is "required", so no price table) → header + quota shard.
  expect(Object.keys(open).sort()).toEqual(['constraints', 'quota_0']);
  expect(JSON.parse(open.constraints.value)).toEqual({ v: 1, credit: null, q: 1, m: 0, p: 0 });
  expect(JSON.parse((await metafieldsOf(LOC_APPROVAL)).constraints.value)).toEqual({ v: 1, credit: '3800.00', q: 0, m: 0, p: 0 });
  expect(JSON.parse((await metafieldsOf(b.product)).rules.value)).toEqual({ q: [6, 0, 6] });

  const before = await requests();
  const second = await syncNow();
  expect(second.last).toMatchObject({ written: 0, deleted: 0, calls: 0 });
  // Counted by the simulator: not one request reached Shopify.
  expect(await requests()).toBe(before);
});

it('an order webhook consuming quota → the next sync pushes exactly that location’s quota shard; checkout then refuses what is left over', async () => {
  const openBefore = await metafieldsOf(LOC_OPEN);
  const others = { approval: await metafieldsOf(LOC_APPROVAL), product: await metafieldsOf(b.product) };
  const before = await requests();

  const order = fixture('orders/create');
  order.id = 7_700_000_001;
  order.admin_graphql_api_id = `gid://shopify/Order/${order.id}`;
  order.company = { id: 1, location_id: Number(LOC_OPEN.split('/').pop()) };
  order.processed_at = order.created_at = order.updated_at = new Date().toISOString();
  order.line_items = [{ ...order.line_items[0], id: 7_700_000_101, variant_id: Number(c.gid.split('/').pop()), product_id: Number(c.product.split('/').pop()), sku: c.sku, quantity: 3 }];
  const delivery = await postWebhook(api.url, signedWebhook({ topic: 'orders/create', payload: order, shop: TEST_SHOP }));
  expect(delivery.status).toBe(200);

  // The webhook workflow marks the location and starts (or signals) the shop's sync.
  const pushed = await eventually(async () => {
    const now = await metafieldsOf(LOC_OPEN);
    return now.quota_0?.value !== openBefore.quota_0.value ? now : undefined;
  }, 30_000, 100);
  await eventually(async () => ((await q('SELECT count(*)::int AS n FROM constraint_sync_dirty')).rows[0].n === 0 ? true : undefined), 10_000, 100);
  const status = await temporal.workflow.getHandle(`constraint-sync-${TEST_SHOP}`).result();
  expect(status.last).toMatchObject({ owners: 1, written: 1, calls: 1 });
  // One metafieldsSet for one location; nobody else's metafields moved.
  expect((await requests()) - before).toBe(1);
  expect(pushed.constraints.updatedAt).toBe(openBefore.constraints.updatedAt);
  expect(await metafieldsOf(LOC_APPROVAL)).toEqual(others.approval);
  expect(await metafieldsOf(b.product)).toEqual(others.product);

  // Checkout, fed what Shopify now holds: 7 of c are left this month.
  const run = (quantity: number) =>
    cartValidationsGenerateRun(checkoutInput({ locationGid: LOC_OPEN, locationValues: asValues(pushed), ownerValues: new Map(), lines: [{ variantGid: c.gid, productGid: c.product, quantity }], subtotal: '1.00' }));
  expect(run(7).operations).toEqual([]);
  expect(run(8).operations[0]!.validationAdd.errors).toEqual([{ message: expect.stringContaining('can order 7 more of this item this month'), target: '$.cart.lines[0].quantity' }]);
});

it('a metafield changed behind our back is refused as STALE, recomputed from PostgreSQL and rewritten', async () => {
  // Someone else writes LOC_OPEN's quota shard; then the rule changes in PostgreSQL.
  const tampered = await shop.h.gql(`mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }`, {
    m: [{ ownerId: LOC_OPEN, namespace: 'b2b', key: 'quota_0', type: 'single_line_text_field', value: 'q1:AA==' }],
  });
  expect(tampered.body.data.metafieldsSet.userErrors).toEqual([]);
  await q(`UPDATE quota_rules SET max_quantity = 20 WHERE company_location_gid = $1`, [LOC_OPEN]);

  const result = await syncNow();
  expect(result.last).toMatchObject({ recomputed: 1 });
  const now = await metafieldsOf(LOC_OPEN);
  const run = (quantity: number) =>
    cartValidationsGenerateRun(checkoutInput({ locationGid: LOC_OPEN, locationValues: asValues(now), ownerValues: new Map(), lines: [{ variantGid: c.gid, productGid: c.product, quantity }], subtotal: '1.00' }));
  // 20 a month, 3 ordered: 17 left — PostgreSQL's truth, not the tampered value.
  expect(run(17).operations).toEqual([]);
  expect(run(18).operations).toHaveLength(1);
  // And the state now holds Shopify's digest of what we wrote: the next run is quiet.
  expect((await syncNow()).last).toMatchObject({ written: 0, calls: 0 });
});

it('rules removed → their metafields are deleted', async () => {
  await q(`DELETE FROM quota_rules WHERE company_location_gid = $1`, [LOC_OPEN]);
  await q(`DELETE FROM quantity_rules WHERE scope_gid = $1`, [b.product]);
  const result = await syncNow();
  expect(result.last).toMatchObject({ deleted: 3 });
  expect(await metafieldsOf(LOC_OPEN)).toEqual({});
  expect(await metafieldsOf(b.product)).toEqual({});
  expect(Object.keys(await metafieldsOf(LOC_APPROVAL))).toEqual(['constraints']);
  expect((await q('SELECT count(*)::int AS n FROM metafield_sync_state WHERE owner_gid = $1', [LOC_OPEN])).rows[0].n).toBe(0);
});

it('workflows carry the B2bShop search attribute, so the Web UI can filter by shop', async () => {
  const found = await eventually(async () => {
    const ids: string[] = [];
    for await (const wf of temporal.workflow.list({ query: `B2bShop = "${TEST_SHOP}" AND WorkflowType = "constraintSyncWorkflow"` })) ids.push(wf.workflowId);
    return ids.length > 0 ? ids : undefined;
  }, 15_000, 250);
  expect(new Set(found)).toEqual(new Set([`constraint-sync-${TEST_SHOP}`]));
  const webhooks: string[] = [];
  for await (const wf of temporal.workflow.list({ query: `B2bShop = "${TEST_SHOP}" AND B2bTopic = "orders/create"` })) webhooks.push(wf.workflowId);
  expect(webhooks).toHaveLength(1);
});

it.each([
  ['a shop that is not a myshopify domain', { shop: 'example.com' }, 400],
  ['an unknown mode', { shop: TEST_SHOP, mode: 'some' }, 400],
  ['a shop that never installed the app', { shop: 'nobody.myshopify.com' }, 404],
])('POST /constraints/sync with %s (%j) → %i, nothing started', async (_name, body, status) => {
  const res = await fetch(`${api.url}/constraints/sync`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
  expect(res.status).toBe(status);
  expect(((await res.json()) as Json).error.code).toEqual(expect.any(String));
});

it('a cart taking its reservation is pushed to checkout at once, and so is its release when it is rejected', async () => {
  const credit = async () => JSON.parse((await metafieldsOf(LOC_APPROVAL)).constraints.value).credit as string;
  const status = async (id: string) => (await q('SELECT status FROM cart_groups WHERE id = $1', [id])).rows[0].status as string;
  const before = await credit();
  const res = await fetch(`${api.url}/carts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'idempotency-key': `reserve-${Date.now()}` },
    body: JSON.stringify({ shop: TEST_SHOP, companyLocationId: LOC_APPROVAL, lines: shop.skus.slice(0, 2).map((s) => ({ sku: s.sku, quantity: 2 })) }),
  });
  expect(res.status).toBe(202);
  const { groupId } = (await res.json()) as { groupId: string };

  // Creating drafts → the cart holds its total against the credit limit. The location is
  // marked in that status's transaction and the cart workflow asks for the push: no order
  // webhook, no schedule, no operator.
  const reserved = await eventually(async () => {
    const now = await credit();
    return now !== before ? now : undefined;
  }, 30_000, 100);
  const total = (await q('SELECT total::text FROM cart_groups WHERE id = $1', [groupId])).rows[0].total as string;
  expect(Number(reserved)).toBeCloseTo(Number(before) - Number(total), 2);

  // Rejected → drafts deleted, reservation given back, and checkout sees the credit again.
  await eventually(async () => ((await status(groupId)) === 'awaiting_approval' ? true : undefined), 30_000, 100);
  const rejected = await fetch(`${api.url}/carts/${groupId}/reject`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${shop.alice}` }, body: '{}' });
  expect(rejected.status).toBeLessThan(300);
  await eventually(async () => ((await credit()) === before ? true : undefined), 30_000, 100);
  expect(await status(groupId)).toBe('rejected');
  await eventually(async () => ((await q('SELECT count(*)::int AS n FROM constraint_sync_dirty WHERE shop = $1', [TEST_SHOP])).rows[0].n === 0 ? true : undefined), 10_000, 100);
}, 90_000);
