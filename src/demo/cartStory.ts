import { DemoError, expectStatus, waitUntil, type DemoClient, type Json } from './demoClient';

/** Statuses a cart does not leave: reaching one while waiting for another is a failure. */
const FINAL = ['completed', 'invalid', 'rejected', 'cancelled', 'expired', 'failed'];

export interface CartStory {
  groupId: string;
  workflowId: string;
  /** The cart as it awaited approval (drafts created and linked). */
  awaiting: Json;
  /** The cart once approved (drafts completed as orders). */
  completed: Json;
  seconds: { drafts: number; orders: number };
}

async function waitForStatus(client: DemoClient, groupId: string, wanted: string, timeoutMs: number): Promise<Json> {
  return waitUntil(
    `cart ${wanted}`,
    async () => {
      const cart = expectStatus('cart status', await client.api('GET', `/carts/${groupId}`), 200);
      if (cart.status === wanted) return cart;
      if (FINAL.includes(cart.status)) throw new DemoError(`cart ${wanted}`, `the cart ended ${cart.status}: ${JSON.stringify(cart.error ?? cart.problems)}`, { groupId });
      return undefined;
    },
    timeoutMs,
  );
}

/**
 * A buyer's oversized cart, end to end through the API: `POST /carts` → linked drafts
 * awaiting approval → the approver's `POST /carts/:id/approve` → orders.
 */
export async function runCartStory(deps: { client: DemoClient; approverToken: string; cart: Json; idempotencyKey: string; timeoutMs?: number }): Promise<CartStory> {
  const { client } = deps;
  const timeoutMs = deps.timeoutMs ?? 300_000;
  const t0 = Date.now();
  const submitted = expectStatus('cart submitted', await client.api('POST', '/carts', deps.cart, { 'idempotency-key': deps.idempotencyKey }), 202);
  const awaiting = await waitForStatus(client, submitted.groupId, 'awaiting_approval', timeoutMs);
  const t1 = Date.now();
  expectStatus('approval', await client.asApprover(deps.approverToken, 'POST', `/carts/${submitted.groupId}/approve`, { comment: 'approved in the demo' }), 202);
  const completed = await waitForStatus(client, submitted.groupId, 'completed', timeoutMs);
  return { groupId: submitted.groupId, workflowId: submitted.workflowId, awaiting, completed, seconds: { drafts: (t1 - t0) / 1000, orders: (Date.now() - t1) / 1000 } };
}

/**
 * Runs the shop's constraint sync now (`POST /constraints/sync`; a running one makes one
 * more pass) and waits for the workflow to close.
 */
export async function runConstraintSync(client: DemoClient, shop: string, timeoutMs = 120_000): Promise<{ workflowId: string; workflowUrl: string }> {
  const started = expectStatus('constraint sync', await client.api('POST', '/constraints/sync', { shop }), 202);
  await waitUntil(
    'constraint sync',
    async () => {
      const wf = expectStatus('constraint sync status', await client.api('GET', `/workflows/${encodeURIComponent(started.workflowId)}`), 200);
      if (wf.status === 'RUNNING') return undefined;
      if (wf.status !== 'COMPLETED') throw new DemoError('constraint sync', `the workflow ended ${wf.status}`, { workflowId: started.workflowId });
      return true;
    },
    timeoutMs,
  );
  return { workflowId: started.workflowId, workflowUrl: started.workflowUrl };
}
