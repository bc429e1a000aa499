import type { Client } from '@temporalio/client';
import { eq, sql } from 'drizzle-orm';
import { startApi, type RunningApi } from '../../src/api/startApi';
import { orders, webhookInbox } from '../../src/db/schema';
import type { RunningWorker } from '../../src/worker/startWorker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestWorker, testLogger, uniqueTaskQueue, workflowResult } from '../helpers/service';
import { TEST_SECRET, fixture, postWebhook, signedWebhook, type WebhookRequest } from '../helpers/webhooks';
import { EDGE_INTERNAL_SECRET, startEdge, type RunningEdge } from './edgeRuntime';

let database: TestDatabase;
let temporal: Client;
let worker: RunningWorker;
let origin: RunningApi;
let originPort: number;
let edge: RunningEdge;
let taskQueue: string;

/** The real API as the origin, accepting only callers with the edge's X-Internal-Auth. */
async function startOrigin(port: number): Promise<RunningApi> {
  return startApi({
    config: {
      port,
      shopifyApiSecrets: [TEST_SECRET],
      internalAuthSecret: EDGE_INTERNAL_SECRET,
      adminApiToken: undefined,
      webhookMaxBytes: 5 * 1024 * 1024,
      temporal: { taskQueue },
    },
    db: database.db,
    temporal,
    logger: testLogger,
    host: '127.0.0.1',
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await connectClient();
  taskQueue = uniqueTaskQueue('edge');
  worker = await startTestWorker(database.db, taskQueue);
  origin = await startOrigin(0);
  originPort = Number(new URL(origin.url).port);
  edge = await startEdge({
    originUrl: `${origin.url}/webhooks/shopify`,
    // Redelivery at most 4 s apart, so the outage test ends soon after the origin returns.
    vars: { RETRY_BASE_SECONDS: '1', RETRY_MAX_SECONDS: '4' },
  });
});

afterAll(async () => {
  await edge?.dispose();
  await origin?.close();
  await worker?.shutdown();
  await temporal?.connection.close();
  await database?.close();
});

describe('the origin behind the edge', () => {
  it.each([
    ['without X-Internal-Auth', undefined, 'INTERNAL_AUTH_MISSING'],
    ['with a wrong X-Internal-Auth', 'guess', 'INTERNAL_AUTH_INVALID'],
  ])('refuses a correctly signed webhook sent around the edge %s (403)', async (_name, internalAuth, code) => {
    const request = signedWebhook({ topic: 'customers/create', payload: fixture('customers/create'), internalAuth });
    const res = await postWebhook(origin.url, request);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe(code);
  });
});

describe('edge → origin → workflow → PostgreSQL', () => {
  it('an orders/create through the edge runs workflow webhook-<id> and writes the order; the inbox keeps the stripped payload', async () => {
    const payload = fixture('orders/create');
    const request = signedWebhook({ topic: 'orders/create', payload });

    const res = await postWebhook(edge.url, request);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'forwarded', origin: 'accepted' });
    const result = await workflowResult(temporal, `webhook-${request.webhookId}`);
    expect(result).toMatchObject({ outcome: 'applied', handler: 'applyOrder', rows: 1 + payload.line_items.length });
    const [order] = await database.db.select().from(orders).where(eq(orders.gid, payload.admin_graphql_api_id));
    expect(order).toMatchObject({ name: payload.name, totalPrice: '2133.0000', poNumber: payload.po_number, lineCount: payload.line_items.length });
    const [row] = await database.db.select().from(webhookInbox).where(eq(webhookInbox.webhookId, request.webhookId));
    expect(row?.status).toBe('processed');
    expect(row!.payloadBytes).toBeLessThan(request.body.length / 4);
    expect(row!.payload).not.toHaveProperty('shipping_address');
  });
});

describe('origin down for 30 s while 500 webhooks arrive', () => {
  const COUNT = 500;
  const OUTAGE_MS = 30_000;

  async function inParallel<T, R>(items: T[], concurrency: number, run: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < items.length) {
          const index = next++;
          results[index] = await run(items[index]!);
        }
      }),
    );
    return results;
  }

  it('all 500 are acknowledged, and each is delivered and processed exactly once after the origin returns', async () => {
    const requests: WebhookRequest[] = Array.from({ length: COUNT }, (_, i) =>
      signedWebhook({
        topic: 'customers/create',
        payload: { ...fixture('customers/create'), id: 9_200_000 + i, admin_graphql_api_id: `gid://shopify/Customer/${9_200_000 + i}`, email: `buyer${i}@example.com` },
      }),
    );
    const ids = requests.map((r) => r.webhookId);

    const outageStarted = Date.now();
    await origin.close();
    const answers = await inParallel(requests, 25, (r) => postWebhook(edge.url, r));
    expect(answers.filter((a) => a.status === 200 && a.body.status === 'queued')).toHaveLength(COUNT);
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - outageStarted))));
    expect(await inboxCount(ids)).toBe(0);
    origin = await startOrigin(originPort);

    await eventually(async () => (await inboxCount(ids, 'processed')) === COUNT, 120_000, 500);
    // Let any stray redelivery arrive before counting.
    await new Promise((r) => setTimeout(r, 3_000));

    expect(await inboxCount(ids)).toBe(COUNT);
    const [customers] = await database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM customers WHERE gid LIKE 'gid://shopify/Customer/92%' AND email LIKE 'buyer%@example.com'`,
    ).then((r) => r.rows);
    expect(customers!.n).toBe(COUNT);
    // The consumer acknowledged each event once, and the origin had never seen any before.
    const delivered = edge.events().filter((e) => e.event === 'queued_webhook_delivered' && ids.includes(e.webhookId));
    expect(delivered).toHaveLength(COUNT);
    expect(new Set(delivered.map((e) => e.webhookId)).size).toBe(COUNT);
    expect(delivered.every((e) => e.outcome === 'accepted')).toBe(true);
  }, 240_000);
});

async function inboxCount(ids: string[], status?: 'processed'): Promise<number> {
  const result = await database.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM webhook_inbox WHERE webhook_id = ANY($1)${status ? ` AND status = '${status}'` : ''}`,
    [ids],
  );
  return result.rows[0]!.n;
}
