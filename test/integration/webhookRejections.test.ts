import { createHmac } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { RunningApi } from '../../src/api/startApi';
import { webhookInbox } from '../../src/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { connectClient, startTestApi, uniqueTaskQueue } from '../helpers/service';
import { postWebhook, signedWebhook, TEST_SECRET, type WebhookRequest } from '../helpers/webhooks';

const INTERNAL_SECRET = 'edge-to-origin-secret';
const ROTATED_OLD_SECRET = 'previous-shopify-secret';
const MAX_BYTES = 64 * 1024;

let database: TestDatabase;
let temporal: Client;
let api: RunningApi;

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await connectClient();
  // No worker: nothing should ever be started by these requests, and a started workflow
  // would be visible to describe() even unprocessed.
  api = await startTestApi({
    db: database.db,
    temporal,
    taskQueue: uniqueTaskQueue('reject'),
    secrets: [TEST_SECRET, ROTATED_OLD_SECRET],
    internalAuthSecret: INTERNAL_SECRET,
    webhookMaxBytes: MAX_BYTES,
  });
});

afterAll(async () => {
  await api?.close();
  await temporal?.connection.close();
  await database?.close();
});

const payload = { id: 1, admin_graphql_api_id: 'gid://shopify/Customer/1', email: 'a@example.com', updated_at: '2026-07-01T00:00:00Z' };

function valid(overrides: Partial<Parameters<typeof signedWebhook>[0]> = {}): WebhookRequest {
  return signedWebhook({ topic: 'customers/update', payload, internalAuth: INTERNAL_SECRET, ...overrides });
}

function without(request: WebhookRequest, header: string): WebhookRequest {
  const headers = { ...request.headers };
  delete headers[header];
  return { ...request, headers };
}

function withHeader(request: WebhookRequest, header: string, value: string): WebhookRequest {
  return { ...request, headers: { ...request.headers, [header]: value } };
}

/** Re-signs after changing the body, so only the property under test is wrong. */
function withBody(request: WebhookRequest, body: string | Buffer): WebhookRequest {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return withHeader({ ...request, body: bytes }, 'X-Shopify-Hmac-Sha256', createHmac('sha256', TEST_SECRET).update(bytes).digest('base64'));
}

const tampered = () => {
  const request = valid();
  return { ...request, body: Buffer.from(request.body.toString().replace('a@example.com', 'b@example.com')) };
};

const cases: { name: string; build: () => WebhookRequest; status: number; code: string; message: RegExp }[] = [
  { name: 'a body changed after signing', build: tampered, status: 401, code: 'HMAC_INVALID', message: /does not match/ },
  { name: 'a body signed with another secret', build: () => valid({ secret: 'not-our-secret' }), status: 401, code: 'HMAC_INVALID', message: /does not match/ },
  { name: 'no HMAC header', build: () => without(valid(), 'X-Shopify-Hmac-Sha256'), status: 401, code: 'HMAC_MISSING', message: /x-shopify-hmac-sha256/ },
  { name: 'an HMAC that is not base64 of 32 bytes', build: () => withHeader(valid(), 'X-Shopify-Hmac-Sha256', 'abc'), status: 401, code: 'HMAC_INVALID', message: /does not match/ },
  { name: 'no internal auth header', build: () => without(valid(), 'X-Internal-Auth'), status: 403, code: 'INTERNAL_AUTH_MISSING', message: /x-internal-auth/ },
  { name: 'a wrong internal auth header', build: () => valid({ internalAuth: 'guess' }), status: 403, code: 'INTERNAL_AUTH_INVALID', message: /does not match/ },
  { name: 'no topic header', build: () => without(valid(), 'X-Shopify-Topic'), status: 400, code: 'HEADERS_INVALID', message: /missing header\(s\): x-shopify-topic/ },
  { name: 'no shop domain header', build: () => without(valid(), 'X-Shopify-Shop-Domain'), status: 400, code: 'HEADERS_INVALID', message: /x-shopify-shop-domain/ },
  { name: 'no webhook ID header', build: () => without(valid(), 'X-Shopify-Webhook-Id'), status: 400, code: 'HEADERS_INVALID', message: /x-shopify-webhook-id/ },
  { name: 'no API version header', build: () => without(valid(), 'X-Shopify-API-Version'), status: 400, code: 'HEADERS_INVALID', message: /x-shopify-api-version/ },
  { name: 'a shop domain outside myshopify.com', build: () => valid({ shop: 'evil.example.com' }), status: 400, code: 'HEADERS_INVALID', message: /malformed header\(s\): x-shopify-shop-domain/ },
  { name: 'a webhook ID with spaces', build: () => valid({ webhookId: 'not a valid id' }), status: 400, code: 'HEADERS_INVALID', message: /x-shopify-webhook-id/ },
  { name: 'an API version that is not YYYY-MM', build: () => valid({ apiVersion: 'latest' }), status: 400, code: 'HEADERS_INVALID', message: /x-shopify-api-version/ },
  { name: 'a triggered-at that is not a time', build: () => valid({ triggeredAt: 'yesterday' }), status: 400, code: 'HEADERS_INVALID', message: /x-shopify-triggered-at/ },
  { name: 'a body that is not JSON', build: () => withBody(valid(), '{"id": 1,'), status: 400, code: 'BODY_NOT_JSON', message: /not valid JSON/ },
  { name: 'a JSON body that is not an object', build: () => withBody(valid(), '[1,2,3]'), status: 400, code: 'BODY_NOT_JSON', message: /JSON object/ },
  { name: 'an empty body', build: () => withBody(valid(), ''), status: 400, code: 'BODY_NOT_JSON', message: /not valid JSON/ },
  { name: 'a body over WEBHOOK_MAX_BYTES', build: () => withBody(valid(), JSON.stringify({ pad: 'x'.repeat(MAX_BYTES) })), status: 413, code: 'BODY_TOO_LARGE', message: /exceeds 65536 bytes/ },
  { name: 'a body PostgreSQL cannot store as jsonb (NUL escape)', build: () => withBody(valid(), '{"note":"a\\u0000b"}'), status: 400, code: 'PAYLOAD_NOT_STORABLE', message: /cannot be stored/ },
];

describe('POST /webhooks/shopify with bad input', () => {
  it.each(cases)('$name → $status $code, nothing stored, no workflow started', async ({ build, status, code, message }) => {
    const request = build();

    const res = await postWebhook(api.url, request);

    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
    const [{ n }] = (await database.db.select({ n: sql<number>`count(*)::int` }).from(webhookInbox)) as [{ n: number }];
    expect(n).toBe(0);
    await expect(temporal.workflow.getHandle(`webhook-${request.webhookId}`).describe()).rejects.toThrow(/not found/i);
  });
});

describe('POST /webhooks/shopify, accepted variations', () => {
  it('accepts a body signed with the previous secret during a rotation', async () => {
    const res = await postWebhook(api.url, valid({ secret: ROTATED_OLD_SECRET }));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('accepted');
  });

  it('reads header names case-insensitively', async () => {
    const request = valid();
    const lower = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const upper = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect((await postWebhook(api.url, { ...request, headers: lower })).body.status).toBe('accepted');
    expect((await postWebhook(api.url, { ...request, headers: upper })).body.status).toBe('duplicate');
  });

  it('verifies the raw bytes whatever the content type says', async () => {
    const request = withHeader(valid(), 'Content-Type', 'text/plain');
    expect((await postWebhook(api.url, request)).status).toBe(200);
  });
});
