import type { Client } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import type { RunningApi } from '../../src/api/startApi';
import {
  companies,
  companyLocations,
  complianceRequests,
  customers,
  inventoryLevels,
  orders,
  productVariants,
  products,
  shops,
  webhookInbox,
} from '../../src/db/schema';
import type { RunningWorker } from '../../src/worker/startWorker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestApi, startTestWorker, uniqueTaskQueue, workflowResult } from '../helpers/service';
import { fixture, postWebhook, signedWebhook, TEST_SHOP } from '../helpers/webhooks';

const ADMIN_TOKEN = 'ops-token';
let database: TestDatabase;
let temporal: Client;
let worker: RunningWorker;
let api: RunningApi;

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await connectClient();
  const taskQueue = uniqueTaskQueue('handlers');
  worker = await startTestWorker(database.db, taskQueue);
  api = await startTestApi({ db: database.db, temporal, taskQueue, adminApiToken: ADMIN_TOKEN });
});

afterAll(async () => {
  await api?.close();
  await worker?.shutdown();
  await temporal?.connection.close();
  await database?.close();
});

/** Sends a webhook and waits for its workflow; returns the workflow's result. */
async function deliver(topic: string, payload: unknown, options: { triggeredAt?: string; shop?: string } = {}) {
  const request = signedWebhook({ topic, payload, ...options });
  const res = await postWebhook(api.url, request);
  expect(res.status).toBe(200);
  return { webhookId: request.webhookId, result: await workflowResult(temporal, `webhook-${request.webhookId}`).catch((err) => err) };
}

const productGid = () => fixture('products/create').admin_graphql_api_id as string;

describe('versioning: an older delivery never overwrites newer data', () => {
  it('a products/update delivered after a newer one is stale and changes nothing', async () => {
    const newer = { ...fixture('products/create'), title: 'Newer title', updated_at: '2026-07-20T10:00:00Z' };
    const older = { ...fixture('products/create'), title: 'Older title', updated_at: '2026-07-19T10:00:00Z' };

    expect((await deliver('products/update', newer)).result).toMatchObject({ outcome: 'applied' });
    expect((await deliver('products/update', older)).result).toMatchObject({ outcome: 'stale' });

    const [row] = await database.db.select().from(products).where(eq(products.gid, productGid()));
    expect(row?.title).toBe('Newer title');
  });

  it('within the same updated_at second, the later-triggered event wins regardless of arrival order', async () => {
    const base = fixture('customers/create');
    const second = '2026-08-01T00:00:00Z';
    const late = { ...base, email: 'late@example.com', updated_at: second };
    const early = { ...base, email: 'early@example.com', updated_at: second };

    await deliver('customers/update', late, { triggeredAt: '2026-08-01T00:00:00.900Z' });
    expect((await deliver('customers/update', early, { triggeredAt: '2026-08-01T00:00:00.100Z' })).result).toMatchObject({ outcome: 'stale' });

    const [row] = await database.db.select().from(customers).where(eq(customers.gid, base.admin_graphql_api_id));
    expect(row?.email).toBe('late@example.com');
  });

  it('an order edit removes lines that are no longer on the order', async () => {
    const order = { ...fixture('orders/create'), id: 990_001, admin_graphql_api_id: 'gid://shopify/Order/990001', updated_at: '2026-07-14T11:00:00Z' };
    await deliver('orders/create', order);
    const edited = { ...order, updated_at: '2026-07-14T12:00:00Z', line_items: order.line_items.slice(0, 1) };
    await deliver('orders/updated', edited);

    const [row] = await database.db.select().from(orders).where(eq(orders.gid, order.admin_graphql_api_id));
    expect(row?.lineCount).toBe(1);
    const lines = await database.db.$client.query('SELECT count(*)::int AS n FROM order_line_items WHERE order_gid = $1', [order.admin_graphql_api_id]);
    expect(lines.rows[0].n).toBe(1);
  });
});

describe('topics', () => {
  it('products/delete soft-deletes the product and its variants; an older update cannot resurrect it', async () => {
    await deliver('products/create', { ...fixture('products/create'), updated_at: '2026-09-01T00:00:00Z' });
    await deliver('products/delete', fixture('products/delete'), { triggeredAt: '2026-09-02T00:00:00Z' });
    const late = await deliver('products/update', { ...fixture('products/create'), updated_at: '2026-09-01T12:00:00Z' });

    expect(late.result).toMatchObject({ outcome: 'stale' });
    const [product] = await database.db.select().from(products).where(eq(products.gid, productGid()));
    expect(product?.deletedAt).not.toBeNull();
    const live = await database.db.select().from(productVariants).where(and(eq(productVariants.productGid, productGid())));
    expect(live.every((v) => v.deletedAt !== null)).toBe(true);
  });

  it('companies, company locations and inventory levels land in their tables', async () => {
    await deliver('companies/create', fixture('companies/create'));
    await deliver('company_locations/create', fixture('company_locations/create'));
    await deliver('inventory_levels/update', fixture('inventory_levels/update'));

    const [company] = await database.db.select().from(companies);
    expect(company?.name).toBe(fixture('companies/create').name);
    const [location] = await database.db.select().from(companyLocations);
    expect(location).toMatchObject({ companyGid: company?.gid, countryCode: 'US' });
    const [level] = await database.db.select().from(inventoryLevels);
    expect(level).toMatchObject({ locationGid: 'gid://shopify/Location/81234567425', available: 228 });
  });

  it('customers/redact erases the customer and the named orders\' contact data', async () => {
    await deliver('customers/create', fixture('customers/create'));
    await deliver('orders/create', { ...fixture('orders/create'), updated_at: '2026-07-15T00:00:00Z' });
    await deliver('customers/redact', fixture('customers/redact'));

    const [customer] = await database.db.select().from(customers).where(eq(customers.gid, fixture('customers/create').admin_graphql_api_id));
    expect(customer).toMatchObject({ email: null, firstName: null, lastName: null, phone: null });
    // The named order and every other order of that customer (an earlier test made one).
    const redacted = await database.db.select({ email: orders.email, customerGid: orders.customerGid }).from(orders).where(eq(orders.shop, TEST_SHOP));
    expect(redacted).toEqual([{ email: null, customerGid: null }, { email: null, customerGid: null }]);
    const [request] = await database.db.select().from(complianceRequests).where(eq(complianceRequests.topic, 'customers/redact'));
    expect(request?.actionSummary).toMatchObject({ action: 'redacted', customers: 1, orders: 2 });
  });

  it('customers/data_request records what we hold on the customer', async () => {
    const { webhookId } = await deliver('customers/data_request', fixture('customers/data_request'));
    const [request] = await database.db.select().from(complianceRequests).where(eq(complianceRequests.webhookId, webhookId));
    expect(request?.actionSummary).toMatchObject({ action: 'reported' });
    expect(request?.heldData).toHaveProperty('orders');
  });

  it('app/uninstalled marks the shop; shop/redact deletes all its data but keeps its own record', async () => {
    const other = 'other-shop.myshopify.com';
    await deliver('customers/create', fixture('customers/create'), { shop: other });
    await deliver('app/uninstalled', fixture('app/uninstalled'), { shop: other });
    const { webhookId } = await deliver('shop/redact', fixture('shop/redact'), { shop: other });

    const [shop] = await database.db.select().from(shops).where(eq(shops.domain, other));
    expect(shop?.uninstalledAt).not.toBeNull();
    expect(shop?.redactedAt).not.toBeNull();
    expect(await database.db.select().from(customers).where(eq(customers.shop, other))).toEqual([]);
    const inbox = await database.db.select({ id: webhookInbox.webhookId }).from(webhookInbox).where(eq(webhookInbox.shop, other));
    expect(inbox).toEqual([{ id: webhookId }]);
    // The other shop's data is untouched.
    expect((await database.db.select().from(customers).where(eq(customers.shop, TEST_SHOP))).length).toBeGreaterThan(0);
  });
});

describe('dead events and replay', () => {
  it('a payload a handler cannot use is marked dead at once, the run fails, and a replay runs it again under the same workflow ID', async () => {
    const broken = { ...fixture('orders/create'), id: 990_002, admin_graphql_api_id: 'gid://shopify/Order/990002', total_price: 'twelve' };
    const { webhookId, result } = await deliver('orders/create', broken);

    expect(result.cause?.message).toMatch(/is dead: order payload is invalid: total_price/);
    const [dead] = await database.db.select().from(webhookInbox).where(eq(webhookInbox.webhookId, webhookId));
    expect(dead).toMatchObject({ status: 'dead', lastError: expect.stringMatching(/total_price/) });

    const unauthorised = await fetch(`${api.url}/webhooks/${webhookId}/replay`, { method: 'POST' });
    expect(unauthorised.status).toBe(401);
    const replay = await fetch(`${api.url}/webhooks/${webhookId}/replay`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(replay.status).toBe(202);
    expect(await replay.json()).toMatchObject({ status: 'queued', workflowId: `webhook-${webhookId}`, replayCount: 1 });

    // Same payload, same verdict: dead again, now after two runs of the same workflow ID.
    await eventually(async () => {
      const runs = [];
      for await (const wf of temporal.workflow.list({ query: `WorkflowId = 'webhook-${webhookId}'` })) runs.push(wf.status.name);
      return runs.length === 2 && runs.every((s) => s === 'FAILED');
    }, 30_000);
    const [again] = await database.db.select().from(webhookInbox).where(eq(webhookInbox.webhookId, webhookId));
    expect(again).toMatchObject({ status: 'dead', replayCount: 1 });
  });

  it('replay answers 404 for an unknown webhook and 409 for one that is not dead', async () => {
    const headers = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    expect((await fetch(`${api.url}/webhooks/nope/replay`, { method: 'POST', headers })).status).toBe(404);
    const { webhookId } = await deliver('customers/create', fixture('customers/create'));
    const res = await fetch(`${api.url}/webhooks/${webhookId}/replay`, { method: 'POST', headers });
    expect(res.status).toBe(409);
    expect(((await res.json()) as any).error.message).toMatch(/processed/);
  });
});
