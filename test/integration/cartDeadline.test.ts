/**
 * Approval deadlines in real time — days — on Temporal's Java test server with time
 * skipping: a cart nobody approves is reminded after 48 hours and cancelled after 72, its
 * drafts deleted, in a few seconds of wall time. Real PostgreSQL and the Shopify simulator.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { TEST_SHOP, type Json } from '../../sim/shopify/testing/harness';
import { cartRequestHash } from '../../src/carts/cartSubmitter';
import type { CartRequest } from '../../src/domain/carts/cartRequest';
import { cartWorkflowId } from '../../src/domain/carts/cartWorkflowContract';
import { groupTag } from '../../src/domain/carts/draftInput';
import { createCartRepository } from '../../src/repositories/cartRepository';
import type { RunningWorker } from '../../src/worker/startWorker';
import type { DraftOrderWorkflowResult } from '../../src/workflows/draftOrderWorkflow';
import { LOC_APPROVAL, startCartShop, type CartShop } from '../helpers/cartShop';
import { startTestWorker, uniqueTaskQueue } from '../helpers/service';
import { shopState } from '../helpers/shopifySim';
import { startTimeSkippingEnvironment } from '../helpers/timeSkipping';

let shop: CartShop;
let env: TestWorkflowEnvironment;
let worker: RunningWorker;
const taskQueue = uniqueTaskQueue('deadline');

beforeAll(async () => {
  shop = await startCartShop({ products: 120 }); // 600 SKUs
  env = await startTimeSkippingEnvironment();
  worker = await startTestWorker(shop.database.db, taskQueue, env.address, false, { adminBaseUrl: `${shop.h.url}/{shop}` });
}, 120_000);
afterAll(async () => {
  await worker?.shutdown();
  await env?.teardown();
  await shop?.close();
});

async function recordCart(lines: number): Promise<string> {
  const cart: CartRequest = {
    shop: TEST_SHOP,
    companyLocationId: LOC_APPROVAL,
    companyContactId: null,
    email: null,
    poNumber: 'PO-DAYS',
    note: null,
    shippingAddress: null,
    shipping: null,
    lines: shop.skus.slice(0, lines).map((s) => ({ sku: s.sku, quantity: 1 })),
  };
  const id = randomUUID();
  await createCartRepository(shop.database.db).record({ id, workflowId: cartWorkflowId(id), idempotencyKey: id, requestHash: cartRequestHash(cart), cart });
  return id;
}

it('nobody approves for 72 hours: reminded at 48 h, expired at 72 h, every draft deleted — in seconds', async () => {
  const groupId = await recordCart(600);
  const started = Date.now();
  const result = (await env.client.workflow.execute('draftOrderWorkflow', {
    workflowId: cartWorkflowId(groupId),
    taskQueue,
    args: [{ groupId, approvalTimeout: '72 hours', reminderAfter: '48 hours' }],
  })) as DraftOrderWorkflowResult;
  const wallSeconds = (Date.now() - started) / 1000;

  expect(result).toMatchObject({ status: 'expired', approvalRequired: true, error: 'nobody approved the cart before its deadline' });
  expect(result.drafts).toHaveLength(2);
  const group = (await shop.database.pool.query('SELECT status, reminder_sent_at, approval_deadline, created_at FROM cart_groups WHERE id = $1', [groupId])).rows[0];
  expect(group.status).toBe('expired');
  // Workflow time: the deadline is 72 hours after the drafts existed, the reminder came (at 48 h).
  expect(group.reminder_sent_at).not.toBeNull();
  expect(new Date(group.approval_deadline).getTime() - new Date(group.created_at).getTime()).toBeGreaterThanOrEqual(72 * 3_600_000 - 60_000);
  expect((await shopState(shop.h)).draftOrders.filter((d: Json) => d.tags.includes(groupTag(groupId)))).toHaveLength(0);
  expect(wallSeconds).toBeLessThan(60);
}, 120_000);

it('an approval signalled on day two still completes the drafts', async () => {
  const groupId = await recordCart(3);
  const handle = await env.client.workflow.start('draftOrderWorkflow', {
    workflowId: cartWorkflowId(groupId),
    taskQueue,
    args: [{ groupId, approvalTimeout: '72 hours', reminderAfter: '48 hours' }],
  });
  await env.sleep('30 hours');
  await handle.signal('approve', { approverName: 'Dana (from the Temporal Web UI)', comment: 'late but fine' });
  const result = (await handle.result()) as DraftOrderWorkflowResult;
  expect(result).toMatchObject({ status: 'completed', decision: { decision: 'approved', approverName: 'Dana (from the Temporal Web UI)' } });
  const drafts = (await shopState(shop.h)).draftOrders.filter((d: Json) => d.tags.includes(groupTag(groupId)));
  expect(drafts.map((d: Json) => d.status)).toEqual(['COMPLETED']);
}, 120_000);
