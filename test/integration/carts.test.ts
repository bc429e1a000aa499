/**
 * Oversized B2B carts as buyers and approvers drive them: `POST /carts` → draftOrderWorkflow
 * → linked drafts in the (simulated) shop → approval by signal → completed or deleted.
 * Real PostgreSQL, real Temporal, the Shopify simulator over HTTP with its faults.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { TEST_SHOP, type Harness, type Json } from '../../sim/shopify/testing/harness';
import type { RunningApi } from '../../src/api/startApi';
import { groupTag } from '../../src/domain/carts/draftInput';
import type { RunningWorker } from '../../src/worker/startWorker';
import type { DraftOrderWorkflowResult } from '../../src/workflows/draftOrderWorkflow';
import { LOC_APPROVAL, LOC_OPEN, startCartShop, type CartShop } from '../helpers/cartShop';
import type { TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestApi, startTestWorker, uniqueTaskQueue } from '../helpers/service';
import { setFaults, shopState } from '../helpers/shopifySim';
import { spawnWorkerProcess, stopWorkerProcess } from '../helpers/spawnWorker';

const ADMIN_TOKEN = 'admin-test-token';

let h: Harness;
let database: TestDatabase;
let temporal: Client;
let api: RunningApi;
let worker: RunningWorker;
let skus: { sku: string; gid: string; price: string }[];
let alice: string;
let bob: string;

const json = async (res: Response) => ({ status: res.status, headers: res.headers, body: (await res.json()) as Json });
const submit = (body: unknown, key = randomUUID(), headers: Record<string, string> = {}) =>
  fetch(`${api.url}/carts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`, 'idempotency-key': key, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }).then(json);
const getCart = (id: string) => fetch(`${api.url}/carts/${id}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }).then(json);
const decide = (id: string, decision: 'approve' | 'reject', token?: string, comment?: string) =>
  fetch(`${api.url}/carts/${id}/${decision}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(comment ? { comment } : {}),
  }).then(json);
const result = (groupId: string) => temporal.workflow.getHandle(`cart-${groupId}`).result() as Promise<DraftOrderWorkflowResult>;
const cart = (lines: number, location = LOC_OPEN, extra: Json = {}) => ({
  shop: TEST_SHOP,
  companyLocationId: location,
  poNumber: 'PO-4711',
  shipping: { title: 'Freight (pallet)', price: '150.00' },
  lines: skus.slice(0, lines).map((s, i) => ({ sku: s.sku, quantity: 1 + (i % 12) })),
  ...extra,
});
/** The group's drafts in the shop, in plan order (their chunk tag's index). */
const groupDrafts = async (groupId: string) => {
  const index = (d: Json) => Number(d.tags.find((t: string) => t.startsWith(`${groupTag(groupId)}-`)).split('-').pop());
  return (await shopState(h)).draftOrders.filter((d: Json) => d.tags.includes(groupTag(groupId))).sort((a: Json, b: Json) => index(a) - index(b));
};

async function startService(carts: { approvalTimeoutMs?: number; reminderAfterMs?: number } = {}, completion: 'payment_pending' | 'invoice' = 'payment_pending'): Promise<void> {
  const taskQueue = uniqueTaskQueue('carts');
  api = await startTestApi({ db: database.db, temporal, taskQueue, adminApiToken: ADMIN_TOKEN, carts });
  worker = await startTestWorker(database.db, taskQueue, undefined, false, { adminBaseUrl: `${h.url}/{shop}`, drafts: { completion } });
}

let shop: CartShop;
beforeAll(async () => {
  shop = await startCartShop();
  ({ h, database, skus, alice, bob } = shop);
  temporal = await connectClient();
}, 60_000);
afterAll(async () => {
  await shop?.close();
  await temporal?.connection.close();
});
// The shop is not reset between tests: draft IDs are unique in a shop's life, and each
// test looks only at its own group's drafts (by tag).
beforeEach(async () => {
  await h.admin('DELETE', '/_sim/faults');
});
afterEach(async () => {
  await worker?.shutdown();
  await api?.close();
});

it('a 1,200-line cart becomes 3 linked drafts of 400 lines: FIXED_AMOUNT discounts, one shipping charge, completed payment-pending', async () => {
  await startService();
  const started = await submit(cart(1_200));
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ workflowId: `cart-${started.body.groupId}`, statusUrl: `/carts/${started.body.groupId}` });
  const done = await result(started.body.groupId);
  expect(done.status).toBe('completed');

  const drafts = await groupDrafts(started.body.groupId);
  expect(drafts.map((d: Json) => d.lines.length)).toEqual([400, 400, 400]);
  expect(drafts.every((d: Json) => d.status === 'COMPLETED' && d.poNumber === 'PO-4711')).toBe(true);
  // Every SKU exactly once across the group, at the cart's quantity.
  const lines = drafts.flatMap((d: Json) => d.lines);
  expect(new Set(lines.map((l: Json) => l.sku)).size).toBe(1_200);
  // Negotiated prices: list − negotiated per unit, as FIXED_AMOUNT; the break applies from 10 units.
  for (const [i, s] of skus.slice(0, 100).entries()) {
    const line = lines.find((l: Json) => l.sku === s.sku);
    const quantity = 1 + (i % 12);
    expect(line.quantity).toBe(quantity);
    expect(line.discount).toMatchObject({ valueType: 'FIXED_AMOUNT', value: quantity >= 10 ? '2.5' : '1' });
  }
  expect(lines.filter((l: Json) => l.discount !== null)).toHaveLength(100);
  // Shipping once: the freight on draft 1, zero on the others.
  expect(drafts.map((d: Json) => d.shippingLine.price)).toEqual(['150.00', '0.00', '0.00']);
  // Linked: position, group and siblings in metafields; orders pending payment.
  const state = await shopState(h);
  for (const d of drafts) {
    const mine = state.metafields.filter((m: Json) => m.ownerId === d.id);
    const value = (key: string) => mine.find((m: Json) => m.key === key)?.value;
    expect(value('group_id')).toBe(started.body.groupId);
    expect(JSON.parse(value('siblings')).sort()).toEqual(drafts.map((x: Json) => x.id).filter((id: string) => id !== d.id).sort());
  }
  expect(drafts.map((d: Json) => state.metafields.find((m: Json) => m.ownerId === d.id && m.key === 'position').value)).toEqual(['1 of 3', '2 of 3', '3 of 3']);
  expect(state.orders.filter((o: Json) => drafts.some((d: Json) => d.id === o.draftOrderId)).map((o: Json) => o.financialStatus)).toEqual(['PENDING', 'PENDING', 'PENDING']);

  const view = await getCart(started.body.groupId);
  expect(view.body).toMatchObject({ status: 'completed', lineCount: 1_200, plan: { drafts: [{ lineCount: 400 }, { lineCount: 400 }, { lineCount: 400 }] }, totals: { shipping: '150.0000' } });
  expect(view.body.drafts.map((d: Json) => d.status)).toEqual(['completed', 'completed', 'completed']);
});

it('with DRAFT_ORDER_COMPLETION=invoice, every draft of the group is invoiced to the buyer instead of completed', async () => {
  await startService({}, 'invoice');
  const started = await submit(cart(600, LOC_OPEN, { email: 'buyer@example.com' }));
  expect(await result(started.body.groupId)).toMatchObject({ status: 'completed' });
  const drafts = await groupDrafts(started.body.groupId);
  expect(drafts.map((d: Json) => d.status)).toEqual(['INVOICE_SENT', 'INVOICE_SENT']);
  const invoices = (await shopState(h)).invoices.filter((i: Json) => drafts.some((d: Json) => d.id === i.draftOrderId));
  expect(invoices.map((i: Json) => i.to)).toEqual(['buyer@example.com', 'buyer@example.com']);
  expect((await getCart(started.body.groupId)).body.drafts.map((d: Json) => d.status)).toEqual(['invoiced', 'invoiced']);
});

it('waits for an assigned approver: no token, a wrong token or an unassigned approver changes nothing; approval completes the drafts', async () => {
  await startService();
  const started = await submit(cart(20, LOC_APPROVAL));
  const id = started.body.groupId;
  await eventually(async () => (await getCart(id)).body.status === 'awaiting_approval');
  // An approver created through the API, for another location, is refused too.
  const carol = await fetch(`${api.url}/approvers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ shop: TEST_SHOP, name: 'Carol', companyLocationIds: [LOC_OPEN, LOC_OPEN] }),
  }).then(json);
  expect(carol.status).toBe(201);
  expect((await decide(id, 'approve', carol.body.token)).status).toBe(403);
  expect((await decide(id, 'approve')).status).toBe(401);
  expect((await decide(id, 'approve', 'apr_not-a-token')).status).toBe(401);
  expect((await decide(id, 'approve', bob)).status).toBe(403);
  expect((await decide(id, 'reject', bob)).status).toBe(403);
  const query = await temporal.workflow.getHandle(`cart-${id}`).query<DraftOrderWorkflowResult>('state');
  expect(query).toMatchObject({ status: 'awaiting_approval', decision: null });
  expect((await groupDrafts(id)).every((d: Json) => d.status === 'OPEN')).toBe(true);

  const approved = await decide(id, 'approve', alice, 'ok for Q4');
  expect(approved.status).toBe(202);
  const done = await result(id);
  expect(done).toMatchObject({ status: 'completed', decision: { decision: 'approved', approverName: 'Alice Approver', comment: 'ok for Q4' } });
  expect((await groupDrafts(id)).every((d: Json) => d.status === 'COMPLETED')).toBe(true);
  expect((await decide(id, 'approve', alice)).status).toBe(409);
});

it('two approvers deciding at once: exactly one decision counts, the other gets 409', async () => {
  await startService();
  const erin = await fetch(`${api.url}/approvers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ shop: TEST_SHOP, name: 'Erin', companyLocationIds: [LOC_APPROVAL] }),
  }).then(json);
  const started = await submit(cart(4, LOC_APPROVAL));
  const id = started.body.groupId;
  await eventually(async () => (await getCart(id)).body.status === 'awaiting_approval');
  const [a, b] = await Promise.all([decide(id, 'approve', alice), decide(id, 'reject', erin.body.token)]);
  expect([a.status, b.status].sort()).toEqual([202, 409]);
  const winner = a.status === 202 ? 'approved' : 'rejected';
  const done = await result(id);
  expect(done.decision?.decision).toBe(winner);
  expect(done.status).toBe(winner === 'approved' ? 'completed' : 'rejected');
  expect((a.status === 409 ? a : b).body.error.message).toMatch(/already (approved|rejected)|not awaiting approval/);
});

it('a rejected cart leaves no draft behind', async () => {
  await startService();
  const started = await submit(cart(600, LOC_APPROVAL));
  const id = started.body.groupId;
  await eventually(async () => (await getCart(id)).body.status === 'awaiting_approval');
  expect(await groupDrafts(id)).toHaveLength(2);
  expect((await decide(id, 'reject', alice, 'wrong warehouse')).status).toBe(202);
  expect(await result(id)).toMatchObject({ status: 'rejected', error: 'wrong warehouse' });
  expect(await groupDrafts(id)).toHaveLength(0);
  expect((await getCart(id)).body.drafts.map((d: Json) => d.status)).toEqual(['deleted', 'deleted']);
});

it('reminds, then cancels at the deadline when nobody decides', async () => {
  await startService({ approvalTimeoutMs: 3_000, reminderAfterMs: 1_000 });
  const started = await submit(cart(5, LOC_APPROVAL));
  const id = started.body.groupId;
  expect(await result(id)).toMatchObject({ status: 'expired' });
  expect(await groupDrafts(id)).toHaveLength(0);
  const view = await getCart(id);
  expect(view.body.status).toBe('expired');
  expect(view.body.approval.reminderSentAt).not.toBeNull();
});

it('the same Idempotency-Key gives the same group and one workflow; with another body it is refused', async () => {
  await startService();
  const key = randomUUID();
  const [a, b] = await Promise.all([submit(cart(30), key), submit(cart(30), key)]);
  expect(a.body.groupId).toBe(b.body.groupId);
  await result(a.body.groupId);
  const again = await submit(cart(30), key);
  expect(again.status).toBe(202);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(again.body.groupId).toBe(a.body.groupId);
  const conflict = await submit(cart(31), key);
  expect(conflict.status).toBe(409);
  expect(conflict.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(await groupDrafts(a.body.groupId)).toHaveLength(1);
  expect(Number((await database.pool.query(`SELECT count(*) AS n FROM cart_groups WHERE idempotency_key = $1`, [key])).rows[0].n)).toBe(1);
});

it('Temporal down: the cart is recorded and answered 503; the retry with the same key starts it, still one group', async () => {
  const down = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 1_000 }) });
  const taskQueue = uniqueTaskQueue('carts-down');
  api = await startTestApi({ db: database.db, temporal: down, taskQueue, adminApiToken: ADMIN_TOKEN });
  const key = randomUUID();
  const refused = await submit(cart(10), key);
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('5');
  expect(refused.body).toMatchObject({ error: { code: 'CART_WORKFLOW_NOT_STARTED' }, groupId: expect.any(String) });
  await api.close();
  await down.connection.close().catch(() => undefined);

  api = await startTestApi({ db: database.db, temporal, taskQueue, adminApiToken: ADMIN_TOKEN });
  worker = await startTestWorker(database.db, taskQueue, undefined, false, { adminBaseUrl: `${h.url}/{shop}` });
  const retried = await submit(cart(10), key);
  expect([retried.status, retried.body.groupId]).toEqual([202, refused.body.groupId]);
  expect(await result(retried.body.groupId)).toMatchObject({ status: 'completed' });
  expect(await groupDrafts(retried.body.groupId)).toHaveLength(1);
});

it('a dropped response after a create and injected 5xx still give exactly the planned drafts, none duplicated', async () => {
  await startService();
  await setFaults(h, [
    { field: 'draftOrderCreate', times: 1, effect: 'drop' },
    { field: 'draftOrderCreate', times: 2, effect: 'http', httpStatus: 503 },
    { field: 'draftOrderComplete', times: 1, effect: 'drop' },
  ]);
  const started = await submit(cart(1_200));
  expect(await result(started.body.groupId)).toMatchObject({ status: 'completed' });
  const drafts = await groupDrafts(started.body.groupId);
  expect(drafts).toHaveLength(3);
  expect(drafts.every((d: Json) => d.status === 'COMPLETED')).toBe(true);
  const state = await shopState(h);
  expect(state.orders.filter((o: Json) => drafts.some((d: Json) => d.id === o.draftOrderId))).toHaveLength(3);
  // The dropped create was found by its tag on the retry, not created again.
  const attempts = (await database.pool.query(`SELECT draft_index, attempts FROM cart_drafts WHERE group_id = $1 ORDER BY draft_index`, [started.body.groupId])).rows;
  expect(attempts.some((a) => a.attempts > 1)).toBe(true);
});

it('a worker SIGKILLed mid-creation: the next one finds what was created and makes only the rest, exactly the planned drafts', async () => {
  // Every create answers 1.5 s late (Shopify has executed it by the time the worker dies).
  await setFaults(h, [{ field: 'draftOrderCreate', latencyMs: 1_500, times: 100 }]);
  const taskQueue = uniqueTaskQueue('carts-kill');
  api = await startTestApi({ db: database.db, temporal, taskQueue, adminApiToken: ADMIN_TOKEN, carts: { stepTimeoutMs: 5_000 } });
  const spawn = () => spawnWorkerProcess({ databaseUrl: database.url, taskQueue, shopifyBaseUrl: `${h.url}/{shop}` });
  const first = await spawn();
  let second: ChildProcess | undefined;
  try {
    const started = await submit(cart(1_450)); // 3 drafts of ~483 lines, created 4 at a time
    const id = started.body.groupId;
    // Killed while the shop is executing a create.
    await eventually(async () => (await shopState(h)).requestStats.inFlight > 0, 30_000, 20);
    await stopWorkerProcess(first, 'SIGKILL');
    // The killed attempts' creates still land at the shop, their answers lost.
    await new Promise((r) => setTimeout(r, 2_000));
    const landed = (await groupDrafts(id)).length;
    expect(landed).toBeGreaterThan(0);
    await h.admin('DELETE', '/_sim/faults');
    second = await spawn();
    expect(await result(id)).toMatchObject({ status: 'completed' });
    const drafts = await groupDrafts(id);
    expect(drafts.map((d: Json) => d.lines.length)).toEqual([484, 483, 483]);
    expect(drafts.every((d: Json) => d.status === 'COMPLETED')).toBe(true);
    const recorded = (await database.pool.query(`SELECT draft_order_gid, attempts FROM cart_drafts WHERE group_id = $1 ORDER BY draft_index`, [id])).rows;
    expect(recorded.map((r) => r.draft_order_gid)).toEqual(drafts.map((d: Json) => d.id));
    // The drafts that had landed were found by tag on the second attempt, not created again.
    expect(recorded.filter((r) => r.attempts >= 2).length).toBeGreaterThanOrEqual(landed);
  } finally {
    await stopWorkerProcess(first, 'SIGKILL');
    if (second) await stopWorkerProcess(second);
    worker = undefined as unknown as RunningWorker;
  }
}, 120_000);

it('reports bad input with 4xx and a reason, and marks a cart with unknown SKUs invalid without creating anything', async () => {
  await startService();
  const noKey = await fetch(`${api.url}/carts`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` }, body: JSON.stringify(cart(2)) }).then(json);
  expect([noKey.status, noKey.body.error.code]).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED']);
  const noAuth = await fetch(`${api.url}/carts`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k' }, body: '{}' });
  expect(noAuth.status).toBe(401);
  expect((await submit('{"shop":')).status).toBe(400);
  const badQuantity = await submit({ ...cart(2), lines: [{ sku: 'A', quantity: 0 }] });
  expect([badQuantity.status, badQuantity.body.error.code]).toEqual([400, 'CART_INVALID']);
  const hugeFreight = await submit({ ...cart(2), shipping: { title: 'x', price: '100000000000000000' } });
  expect([hugeFreight.status, hugeFreight.body.error.details[0].path]).toEqual([400, 'shipping.price']);
  const latin1 = await fetch(`${api.url}/carts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=latin1', authorization: `Bearer ${ADMIN_TOKEN}`, 'idempotency-key': randomUUID() },
    body: '{}',
  });
  expect(latin1.status).toBe(415);
  const mangledCookie = await fetch(`${api.url}/approvals`, { headers: { cookie: 'b2b_approver=%' } });
  expect(mangledCookie.status).toBe(200);

  const csv = `sku,quantity\n${skus[0]!.sku},3\n${skus[1]!.sku},three\n,2\n"${skus[2]!.sku}",4\n`;
  const csvBad = await fetch(`${api.url}/carts?shop=${TEST_SHOP}&companyLocationId=${encodeURIComponent(LOC_OPEN)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN_TOKEN}`, 'idempotency-key': randomUUID() },
    body: csv,
  }).then(json);
  expect(csvBad.status).toBe(400);
  expect(csvBad.body.error.details.map((p: Json) => p.row)).toEqual([3, 4]);
  const csvGood = await fetch(`${api.url}/carts?shop=${TEST_SHOP}&companyLocationId=${encodeURIComponent(LOC_OPEN)}&poNumber=PO-CSV`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN_TOKEN}`, 'idempotency-key': randomUUID() },
    body: `sku,quantity\n${skus[0]!.sku},3\n"${skus[2]!.sku}",4\n`,
  }).then(json);
  expect(csvGood.status).toBe(202);
  expect(await result(csvGood.body.groupId)).toMatchObject({ status: 'completed' });
  expect((await groupDrafts(csvGood.body.groupId))[0].lines.map((l: Json) => [l.sku, l.quantity])).toEqual([
    [skus[0]!.sku, 3],
    [skus[2]!.sku, 4],
  ]);

  const approver = await fetch(`${api.url}/approvers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ shop: TEST_SHOP, name: 'Carol', companyLocationIds: ['not-a-gid'] }),
  }).then(json);
  expect([approver.status, approver.body.error.code]).toEqual([400, 'BODY_INVALID']);

  const unknown = await submit({ ...cart(3), lines: [{ sku: skus[0]!.sku, quantity: 1 }, { sku: 'NO-SUCH-SKU', quantity: 2 }] });
  expect(unknown.status).toBe(202);
  expect(await result(unknown.body.groupId)).toMatchObject({ status: 'invalid' });
  const view = await getCart(unknown.body.groupId);
  expect(view.body.problems).toEqual([{ line: 2, sku: 'NO-SUCH-SKU', variantId: null, problem: 'SKU NO-SUCH-SKU is not in the catalog' }]);
  expect(await groupDrafts(unknown.body.groupId)).toHaveLength(0);
});
