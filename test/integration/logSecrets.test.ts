/**
 * What the logs say, and what they never say. A realistic flow — signed webhooks through an
 * edge-like proxy adding X-Internal-Auth, forged and unauthorised calls, an operator replay
 * with the admin token, a catalog import whose worker calls the (simulated) Shopify Admin
 * API with the shop's access token — runs with every component logging at debug into a
 * file. No configured secret, token or HMAC, nor anything shaped like one, may appear.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import pino from 'pino';
import { startHarness, type Harness } from '../../sim/shopify/testing/harness';
import { startApi, type RunningApi } from '../../src/api/startApi';
import { createLogger } from '../../src/logger';
import { createShopRepository } from '../../src/repositories/shopRepository';
import { startWorker, type RunningWorker } from '../../src/worker/startWorker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { connectClient, uniqueTaskQueue } from '../helpers/service';
import { fixture, postWebhook, signedWebhook } from '../helpers/webhooks';

// Its own shop: catalog imports are one workflow per shop on the Temporal server the suites share.
const TEST_SHOP = 'log-secrets.myshopify.com';

const secret = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
const SHOPIFY_SECRET = secret('shpss_');
const INTERNAL_AUTH = secret('internal_');
const ADMIN_TOKEN = secret('admin_');
const ACCESS_TOKEN = secret('shpat_');
/** Every credential-like value a caller sent, valid or not: none may be logged either. */
const sentCredentials: string[] = [];

const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'b2b-logs-')), 'service.log');
let h: Harness;
let database: TestDatabase;
let temporal: Client;
let api: RunningApi;
let worker: RunningWorker;
let edge: http.Server;
let edgeUrl: string;

/** The edge's job in one function: forward to the API with X-Internal-Auth added (and note the HMAC sent). */
function startEdge(target: () => string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = { ...req.headers, 'x-internal-auth': INTERNAL_AUTH } as unknown as Record<string, string>;
      delete headers.host;
      if (headers['x-shopify-hmac-sha256']) sentCredentials.push(headers['x-shopify-hmac-sha256']);
      fetch(`${target()}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }).then(
        async (answer) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer())),
        () => res.writeHead(502).end(),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  h = await startHarness({}, { shop: TEST_SHOP, accessToken: ACCESS_TOKEN, catalog: { products: 30, variantsPerProduct: 2, locations: 1, metafieldsPerProduct: 1, seed: 3 } });
  database = await createTestDatabase();
  temporal = await connectClient();
  await createShopRepository(database.db).saveInstall(TEST_SHOP, ACCESS_TOKEN);
  const logger = createLogger('debug', {}, pino.destination({ dest: logFile, sync: true }));
  const taskQueue = uniqueTaskQueue('logs');
  worker = await startWorker({
    address: process.env.TEST_TEMPORAL_ADDRESS!,
    namespace: 'default',
    taskQueue,
    db: database.db,
    logger: logger.child({ process: 'worker' }),
    workflowBundlePath: process.env.TEST_WORKFLOW_BUNDLE,
    shopify: { adminBaseUrl: `${h.url}/{shop}`, apiVersion: '2026-07', requestTimeoutMs: 10_000, maxConcurrencyPerShop: 4 },
    catalog: { maxRejects: 100 },
    drafts: { searchSettleMs: 0 },
    relay: { pollIntervalMs: 200 },
  });
  api = await startApi({
    config: { port: 0, shopifyApiSecrets: [SHOPIFY_SECRET], internalAuthSecret: INTERNAL_AUTH, adminApiToken: ADMIN_TOKEN, webhookMaxBytes: 1024 * 1024, temporal: { taskQueue } },
    db: database.db,
    temporal,
    logger: logger.child({ process: 'api' }),
    host: '127.0.0.1',
  });
  edge = await startEdge(() => api.url);
  edgeUrl = `http://127.0.0.1:${(edge.address() as AddressInfo).port}`;
  await h.admin('PUT', `/_sim/shops/${TEST_SHOP}/webhook-target`, { url: `${edgeUrl}/webhooks/shopify`, secret: SHOPIFY_SECRET });
});

afterAll(async () => {
  await new Promise((r) => edge?.close(r));
  await api?.close();
  await worker?.shutdown();
  await temporal?.connection.close();
  await database?.close();
  await h?.close();
});

const logLines = (): Record<string, unknown>[] =>
  readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const admin = (method: string, route: string, token: string, body?: unknown) => {
  sentCredentials.push(token);
  return fetch(`${api.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
};

const signed = (topic: string, payload: unknown, secretUsed = SHOPIFY_SECRET) => {
  const request = signedWebhook({ topic, payload, shop: TEST_SHOP, secret: secretUsed });
  sentCredentials.push(request.headers['X-Shopify-Hmac-Sha256']!);
  return request;
};

describe('request IDs', () => {
  it('echoes a sane X-Request-Id, replaces one that is not, and puts it on the request log line with webhook ID, shop and workflow ID', async () => {
    const request = signed('customers/create', { ...fixture('customers/create'), id: 71_001, admin_graphql_api_id: 'gid://shopify/Customer/71001' });
    request.headers['X-Request-Id'] = 'edge-req-0001';
    request.headers['X-Internal-Auth'] = INTERNAL_AUTH;
    const res = await postWebhook(api.url, request);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('edge-req-0001');

    const odd = await fetch(`${api.url}/healthz`, { headers: { 'X-Request-Id': 'has spaces and "quotes"' } });
    const given = odd.headers.get('x-request-id');
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    const none = await fetch(`${api.url}/healthz`);
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers.get('x-request-id')).not.toBe(given);

    const line = logLines().find((l) => l.requestId === 'edge-req-0001' && l.msg === 'request completed');
    expect(line).toMatchObject({
      process: 'api',
      method: 'POST',
      path: '/webhooks/shopify',
      status: 200,
      webhookId: request.webhookId,
      shop: TEST_SHOP,
      workflowId: `webhook-${request.webhookId}`,
      outcome: 'accepted',
    });
    expect(typeof line?.durationMs).toBe('number');
  });
});

describe('secrets in logs', () => {
  it('a full flow at debug level logs no secret, token or HMAC, nor anything shaped like one', async () => {
    // Webhooks the way Shopify sends them: signed, through the edge that adds X-Internal-Auth.
    const customer = signed('customers/create', { ...fixture('customers/create'), id: 71_002, admin_graphql_api_id: 'gid://shopify/Customer/71002' });
    expect((await postWebhook(edgeUrl, customer)).body.status).toBe('accepted');
    expect((await postWebhook(edgeUrl, customer)).body.status).toBe('duplicate');
    const order = signed('orders/create', fixture('orders/create'));
    expect((await postWebhook(edgeUrl, order)).status).toBe(200);
    // Refusals: a forged signature, a wrong internal secret, no internal secret at all.
    expect((await postWebhook(edgeUrl, signed('customers/create', { id: 1 }, secret('shpss_')))).status).toBe(401);
    const wrongInternal = signed('customers/create', { id: 2 });
    wrongInternal.headers['X-Internal-Auth'] = secret('guess_');
    sentCredentials.push(wrongInternal.headers['X-Internal-Auth']);
    expect((await postWebhook(api.url, wrongInternal)).status).toBe(403);
    expect((await postWebhook(api.url, signed('customers/create', { id: 3 }))).status).toBe(403);

    // A dead event, an operator replay with the admin token, and one with a wrong token.
    const broken = signed('orders/create', { ...fixture('orders/create'), id: 990_201, admin_graphql_api_id: 'gid://shopify/Order/990201', total_price: 'twelve' });
    expect((await postWebhook(edgeUrl, broken)).status).toBe(200);
    await eventually(async () => (await database.pool.query(`SELECT status FROM webhook_inbox WHERE webhook_id = $1`, [broken.webhookId])).rows[0]?.status === 'dead');
    expect((await admin('POST', `/webhooks/${broken.webhookId}/replay`, secret('admin_'))).status).toBe(403);
    expect((await admin('POST', `/webhooks/${broken.webhookId}/replay`, ADMIN_TOKEN)).status).toBe(202);

    // The worker talks to Shopify with the shop's access token: a catalog import, woken by
    // the simulator's signed bulk_operations/finish webhook (through the edge).
    const started = await admin('POST', '/imports/catalog', ADMIN_TOKEN, { shop: TEST_SHOP });
    expect(started.status).toBe(202);
    const { workflowId } = (await started.json()) as { workflowId: string };
    expect(await temporal.workflow.getHandle(workflowId).result()).toMatchObject({ outcome: 'completed' });
    await eventually(async () => (await database.pool.query(`SELECT status FROM webhook_inbox WHERE webhook_id = $1`, [order.webhookId])).rows[0]?.status === 'processed');

    const text = readFileSync(logFile, 'utf8');
    const lines = logLines();
    // The log is not trivially clean: both processes wrote, at debug, about these requests.
    expect(lines.length).toBeGreaterThan(15);
    expect(lines.some((l) => l.component === 'catalog-import')).toBe(true);
    expect(lines.some((l) => l.level === 20)).toBe(true);
    expect(lines.some((l) => l.process === 'worker')).toBe(true);
    expect(lines.some((l) => l.msg === 'request completed' && l.status === 403)).toBe(true);
    expect(lines.some((l) => l.msg === 'webhook is dead: retries exhausted' && l.webhookId === broken.webhookId)).toBe(true);

    const configured = [SHOPIFY_SECRET, INTERNAL_AUTH, ADMIN_TOKEN, ACCESS_TOKEN];
    for (const value of [...configured, ...sentCredentials]) expect(text.includes(value)).toBe(false);
    // Shapes, in case a value was logged transformed: base64 HMAC-SHA256 (44 characters, one '='),
    // its hex form, Shopify token prefixes, bearer credentials.
    const shapes = [/[A-Za-z0-9+/]{43}=/, /\b[0-9a-f]{64}\b/, /shp(at|ss|ca|pa)_/, /Bearer\s+\S/i];
    for (const shape of shapes) {
      const offending = lines.find((l) => shape.test(JSON.stringify(l)));
      expect(offending).toBeUndefined();
    }
  }, 90_000);
});

describe('the redaction net', () => {
  it('censors credential headers and secret-named fields even when code logs them by mistake', () => {
    const file = path.join(path.dirname(logFile), 'careless.log');
    const careless = createLogger('debug', {}, pino.destination({ dest: file, sync: true }));
    const headers = {
      'x-shopify-hmac-sha256': 'c2VjcmV0LWhtYWMtdmFsdWUtdGhhdC1tdXN0LW5vdC1sZWFr',
      'x-internal-auth': INTERNAL_AUTH,
      authorization: `Bearer ${ADMIN_TOKEN}`,
      'x-shopify-access-token': ACCESS_TOKEN,
      cookie: `approver=${ADMIN_TOKEN}`,
      'x-shopify-topic': 'orders/create',
    };
    careless.info({ headers }, 'headers');
    careless.info({ req: { headers } }, 'request');
    careless.info({ shopify: { accessToken: ACCESS_TOKEN }, config: { adminApiToken: ADMIN_TOKEN, shopifyApiSecrets: [SHOPIFY_SECRET] } }, 'objects');

    const text = readFileSync(file, 'utf8');
    for (const value of [INTERNAL_AUTH, ADMIN_TOKEN, ACCESS_TOKEN, SHOPIFY_SECRET, headers['x-shopify-hmac-sha256']]) expect(text).not.toContain(value);
    expect(text).toContain('orders/create');
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(12);
  });
});
