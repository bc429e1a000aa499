/**
 * `POST /validate/cart` against rules in a real PostgreSQL (the catalog imported from the
 * simulator): every rule can fail, all errors come at once, order history feeds quotas,
 * and the draft-order workflow refuses the same cart with the same engine.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { TEST_SHOP, type Json } from '../../sim/shopify/testing/harness';
import type { RunningApi } from '../../src/api/startApi';
import type { RunningWorker } from '../../src/worker/startWorker';
import type { DraftOrderWorkflowResult } from '../../src/workflows/draftOrderWorkflow';
import { LOC_OPEN, startCartShop, type CartShop } from '../helpers/cartShop';
import { connectClient, startTestApi, startTestWorker, uniqueTaskQueue } from '../helpers/service';

const TOKEN = 'admin-test-token';
let shop: CartShop;
let temporal: Client;
let api: RunningApi;
let worker: RunningWorker;

beforeAll(async () => {
  shop = await startCartShop({ products: 40 });
  temporal = await connectClient();
  const taskQueue = uniqueTaskQueue('validate');
  api = await startTestApi({ db: shop.database.db, temporal, taskQueue, adminApiToken: TOKEN });
  worker = await startTestWorker(shop.database.db, taskQueue, undefined, false, { adminBaseUrl: `${shop.h.url}/{shop}` });
}, 60_000);
afterAll(async () => {
  await worker?.shutdown();
  await api?.close();
  await shop?.close();
  await temporal?.connection.close();
});

const q = (sql: string, params: unknown[] = []) => shop.database.pool.query(sql, params);
const validate = async (body: unknown) => {
  const res = await fetch(`${api.url}/validate/cart`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Json };
};
const cart = (lines: { sku: string; quantity: number }[]) => ({ shop: TEST_SHOP, companyLocationId: LOC_OPEN, lines });

it('a clean cart is valid; a cart breaking every rule gets every error at once', async () => {
  const [a, b, c, d] = shop.skus;
  expect((await validate(cart([{ sku: a!.sku, quantity: 2 }]))).body).toEqual({ valid: true, errors: [] });

  const productOf = async (gid: string) => (await q('SELECT product_gid FROM product_variants WHERE gid = $1', [gid])).rows[0].product_gid as string;
  // Rules for LOC_OPEN: b sold in packs of 6; c limited to 10 a month, 8 already ordered this month;
  // d's product only at a negotiated price (none for d); a credit limit the cart passes.
  await q(`INSERT INTO quantity_rules (shop, company_location_gid, scope_type, scope_gid, min_quantity, increment) VALUES ($1, $2, 'variant', $3, 6, 6)`, [TEST_SHOP, LOC_OPEN, b!.gid]);
  await q(`INSERT INTO quota_rules (shop, company_location_gid, scope_type, scope_gid, period, max_quantity) VALUES ($1, $2, 'variant', $3, 'month', 10)`, [TEST_SHOP, LOC_OPEN, c!.gid]);
  await q(`INSERT INTO orders (shop, gid, name, company_location_gid, currency, total_price, line_count, processed_at, shopify_created_at, shopify_updated_at, source_event_at)
           VALUES ($1, 'gid://shopify/Order/1', '#1', $2, 'USD', 8, 1, now(), now(), now(), now())`, [TEST_SHOP, LOC_OPEN]);
  await q(`INSERT INTO order_line_items (shop, gid, order_gid, position, variant_gid, title, quantity, price) VALUES ($1, 'gid://shopify/LineItem/1', 'gid://shopify/Order/1', 0, $2, 'x', 8, 1)`, [TEST_SHOP, c!.gid]);
  const dProduct = await productOf(d!.gid);
  await q(`DELETE FROM negotiated_prices WHERE variant_gid = $1`, [d!.gid]);
  await q(`INSERT INTO negotiated_price_required (shop, product_gid) VALUES ($1, $2)`, [TEST_SHOP, dProduct]);
  await q(`INSERT INTO company_location_settings (shop, company_location_gid, credit_limit, open_balance) VALUES ($1, $2, 100, 90)`, [TEST_SHOP, LOC_OPEN]);

  const result = await validate(cart([
    { sku: 'NOPE', quantity: 1 },
    { sku: b!.sku, quantity: 4 },
    { sku: c!.sku, quantity: 3 },
    { sku: d!.sku, quantity: 1 },
  ]));
  expect(result.status).toBe(200);
  expect(result.body.valid).toBe(false);
  expect(result.body.errors.map((e: Json) => [e.validator, e.code, e.lineIndex])).toEqual([
    ['skuExists', 'SKU_NOT_FOUND', 0],
    ['quantityRules', 'QUANTITY_BELOW_MIN', 1],
    ['quantityRules', 'QUANTITY_NOT_MULTIPLE', 1],
    ['quota', 'QUOTA_EXCEEDED', 2],
    ['pricing', 'PRICE_NOT_NEGOTIATED', 3],
    ['creditLimit', 'CREDIT_LIMIT_EXCEEDED', null],
  ]);
  expect(result.body.errors.find((e: Json) => e.code === 'QUOTA_EXCEEDED').details).toMatchObject({ used: 8, requested: 3, remaining: 2 });

  // The draft-order workflow refuses the same cart with the same engine, creating nothing.
  const submitted = await fetch(`${api.url}/carts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify(cart([{ sku: b!.sku, quantity: 4 }])),
  }).then((r) => r.json() as Promise<Json>);
  const done = (await temporal.workflow.getHandle(submitted.workflowId).result()) as DraftOrderWorkflowResult;
  expect(done.status).toBe('invalid');
  const view = await fetch(`${api.url}/carts/${submitted.groupId}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json() as Promise<Json>);
  expect(view.problems[0].problem).toMatch(/at least 6/);
  expect(view.error).toMatch(/credit limit/);
});

it('carts still becoming orders hold their quota and count against the credit limit', async () => {
  const c = shop.skus[2]!;
  // From the test above: c's monthly quota is 10 and orders used 8 of it; credit 100 with 90 open.
  await q(`UPDATE company_location_settings SET credit_limit = 1000000 WHERE company_location_gid = $1`, [LOC_OPEN]);
  expect((await validate(cart([{ sku: c.sku, quantity: 2 }]))).body).toEqual({ valid: true, errors: [] });
  const pending = randomUUID();
  await q(`INSERT INTO cart_groups (id, shop, idempotency_key, request_hash, workflow_id, status, company_location_gid, line_count, total)
           VALUES ($1::uuid, $2, $1::text, 'h', 'w', 'awaiting_approval', $3, 1, 999990)`, [pending, TEST_SHOP, LOC_OPEN]);
  await q(`INSERT INTO cart_lines (group_id, line_no, sku, variant_gid, quantity) VALUES ($1, 0, $2, $3, 2)`, [pending, c.sku, c.gid]);
  const held = await validate(cart([{ sku: c.sku, quantity: 1 }]));
  expect(held.body.errors.map((e: Json) => [e.code, e.details.used ?? null])).toEqual([
    ['QUOTA_EXCEEDED', 10],
    ['CREDIT_LIMIT_EXCEEDED', null],
  ]);
  // Once that cart is an order (or cancelled), it no longer holds anything here.
  await q(`UPDATE cart_groups SET status = 'rejected' WHERE id = $1`, [pending]);
  expect((await validate(cart([{ sku: c.sku, quantity: 2 }]))).body.valid).toBe(true);
});

it('answers 400 with the problems when the body is not a cart, 401 without the token', async () => {
  const bad = await validate({ shop: TEST_SHOP, companyLocationId: LOC_OPEN, lines: [] });
  expect([bad.status, bad.body.error.code]).toEqual([400, 'CART_INVALID']);
  const anonymous = await fetch(`${api.url}/validate/cart`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(anonymous.status).toBe(401);
});
