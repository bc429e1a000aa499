import type { Client } from '@temporalio/client';
import { eq, sql } from 'drizzle-orm';
import type { RunningApi } from '../../src/api/startApi';
import { orderLineItems, orders, webhookInbox } from '../../src/db/schema';
import type { RunningWorker } from '../../src/worker/startWorker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestApi, startTestWorker, uniqueTaskQueue, workflowResult } from '../helpers/service';
import { fixture, postWebhook, signedWebhook } from '../helpers/webhooks';
import { largeOrder } from '../helpers/largeOrder';

let database: TestDatabase;
let temporal: Client;
let worker: RunningWorker;
let api: RunningApi;

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await connectClient();
  const taskQueue = uniqueTaskQueue('ingest');
  worker = await startTestWorker(database.db, taskQueue);
  api = await startTestApi({ db: database.db, temporal, taskQueue });
});

afterAll(async () => {
  await api?.close();
  await worker?.shutdown();
  await temporal?.connection.close();
  await database?.close();
});

async function inboxRow(webhookId: string) {
  const [row] = await database.db.select().from(webhookInbox).where(eq(webhookInbox.webhookId, webhookId));
  return row;
}


describe('POST /webhooks/shopify, signed and valid', () => {
  it('answers 200 accepted, runs workflow webhook-<id> to completion, and writes the order and its lines', async () => {
    const payload = fixture('orders/create');
    const request = signedWebhook({ topic: 'orders/create', payload });

    const res = await postWebhook(api.url, request);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'accepted', workflowId: `webhook-${request.webhookId}` });
    const result = await workflowResult(temporal, `webhook-${request.webhookId}`);
    expect(result).toMatchObject({ outcome: 'applied', handler: 'applyOrder', rows: 1 + payload.line_items.length });
    const [order] = await database.db.select().from(orders).where(eq(orders.gid, payload.admin_graphql_api_id));
    expect(order).toMatchObject({
      shop: 'acme-wholesale.myshopify.com',
      name: payload.name,
      totalPrice: '2133.0000',
      poNumber: payload.po_number,
      companyLocationGid: `gid://shopify/CompanyLocation/${payload.company.location_id}`,
      lineCount: payload.line_items.length,
    });
    const lines = await database.db.select().from(orderLineItems).where(eq(orderLineItems.orderGid, payload.admin_graphql_api_id));
    expect(lines.map((l) => [l.sku, l.quantity, l.price]).sort()).toEqual(
      payload.line_items.map((l: any) => [l.sku, l.quantity, Number(l.price).toFixed(4)]).sort(),
    );
    expect((await inboxRow(request.webhookId))?.status).toBe('processed');
  });

  it('the same webhook sent 5 times at once gives one accepted, four duplicates, one workflow and one set of rows', async () => {
    const payload = largeOrder(777_001, 25);
    const request = signedWebhook({ topic: 'orders/create', payload });

    const responses = await Promise.all(Array.from({ length: 5 }, () => postWebhook(api.url, request)));

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.map((r) => r.body.status).sort()).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const workflowId = `webhook-${request.webhookId}`;
    await workflowResult(temporal, workflowId);
    const runs = [];
    for await (const wf of temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(wf.runId);
    expect(runs).toHaveLength(1);
    const [counts] = await database.db
      .select({ inbox: sql<number>`(SELECT count(*)::int FROM webhook_inbox WHERE webhook_id = ${request.webhookId})`, lines: sql<number>`count(*)::int` })
      .from(orderLineItems)
      .where(eq(orderLineItems.orderGid, payload.admin_graphql_api_id));
    expect(counts).toEqual({ inbox: 1, lines: 25 });
  });

  it('stores a 1,000-line orders/create payload completely', async () => {
    const payload = largeOrder(777_002, 1_000);
    const request = signedWebhook({ topic: 'orders/create', payload });

    const res = await postWebhook(api.url, request);

    expect(res.status).toBe(200);
    await workflowResult(temporal, `webhook-${request.webhookId}`);
    const lines = await database.db
      .select({ sku: orderLineItems.sku, quantity: orderLineItems.quantity, price: orderLineItems.price })
      .from(orderLineItems)
      .where(eq(orderLineItems.orderGid, payload.admin_graphql_api_id))
      .orderBy(orderLineItems.position);
    expect(lines).toHaveLength(1_000);
    expect(lines[999]).toEqual({ sku: 'SKU-00999', quantity: (999 % 7) + 1, price: `${(999 % 50) + 1}.2500` });
    const row = await inboxRow(request.webhookId);
    expect(row?.payloadBytes).toBe(request.body.length);
    expect((row?.payload as any).line_items).toHaveLength(1_000);
  });

  it('a topic we do not handle is acknowledged as ignored and recorded, and starts no workflow', async () => {
    const request = signedWebhook({ topic: 'themes/publish', payload: { id: 1, name: 'Dawn' } });

    const res = await postWebhook(api.url, request);

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ignored');
    expect((await inboxRow(request.webhookId))?.status).toBe('ignored');
    await expect(temporal.workflow.getHandle(`webhook-${request.webhookId}`).describe()).rejects.toThrow(/not found/i);
  });

  it('the workflow is visible through the dev server Web UI HTTP API', async () => {
    const request = signedWebhook({ topic: 'customers/create', payload: fixture('customers/create') });
    await postWebhook(api.url, request);
    const workflowId = `webhook-${request.webhookId}`;
    await eventually(async () => (await inboxRow(request.webhookId))?.status === 'processed');

    const res = await fetch(`${process.env.TEST_TEMPORAL_UI_URL}/api/v1/namespaces/default/workflows/${workflowId}`);

    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.workflowExecutionInfo.execution.workflowId).toBe(workflowId);
    expect(body.workflowExecutionInfo.status).toBe('WORKFLOW_EXECUTION_STATUS_COMPLETED');
  });
});
