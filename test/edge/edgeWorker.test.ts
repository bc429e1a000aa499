import { createHmac } from 'node:crypto';
import { stripToFields } from '../../src/edge/stripPayload';
import { mapOrderPayload } from '../../src/shopify/payloads/order';
import { payloadFieldsFor } from '../../src/shopify/payloads/payloadFields';
import { TEST_SECRET, fixture, postWebhook, signedWebhook, type WebhookRequest } from '../helpers/webhooks';
import { EDGE_INTERNAL_SECRET, startEdge, type RunningEdge } from './edgeRuntime';
import { largeOrder } from '../helpers/largeOrder';
import { OriginStub } from './originStub';

/** Mid-rotation: the edge signs with the new secret and still accepts Shopify's old one. */
const NEW_SECRET = 'rotated-shopify-secret';
const hmacOf = (body: Buffer | string, secret: string) => createHmac('sha256', secret).update(body).digest('base64');

let origin: OriginStub;
let edge: RunningEdge;
/** Every HMAC that crossed the edge, to prove none reaches its logs. */
const signatures: string[] = [];

beforeAll(async () => {
  origin = new OriginStub();
  await origin.start();
  edge = await startEdge({ originUrl: origin.url, vars: { SHOPIFY_API_SECRET: `${NEW_SECRET},${TEST_SECRET}`, MAX_BODY_BYTES: String(2 * 1024 * 1024) } });
});

afterAll(async () => {
  await edge?.dispose();
  await origin?.stop();
});

async function send(request: WebhookRequest) {
  const hmac = request.headers['X-Shopify-Hmac-Sha256'];
  if (hmac) signatures.push(hmac);
  return postWebhook(edge.url, request);
}

describe('a genuine webhook', () => {
  it('is forwarded stripped, re-signed with the current secret, with X-Internal-Auth, and answered 200 forwarded', async () => {
    const payload = fixture('orders/create');
    const request = signedWebhook({ topic: 'orders/create', payload });

    const res = await send(request);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'forwarded', origin: 'accepted' });
    const [delivery, ...more] = origin.deliveriesOf(request.webhookId);
    expect(more).toHaveLength(0);
    expect(delivery!.body.toString()).toBe(JSON.stringify(stripToFields(payload, payloadFieldsFor('orders/create')!)));
    expect(delivery!.body.length).toBeLessThan(request.body.length / 4);
    signatures.push(delivery!.headers['x-shopify-hmac-sha256'] as string);
    expect(delivery!.headers).toMatchObject({
      'x-shopify-hmac-sha256': hmacOf(delivery!.body, NEW_SECRET),
      'x-internal-auth': EDGE_INTERNAL_SECRET,
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': request.headers['X-Shopify-Shop-Domain'],
      'x-shopify-webhook-id': request.webhookId,
      'x-shopify-api-version': '2026-07',
      'x-shopify-event-id': request.headers['X-Shopify-Event-Id'],
      'x-shopify-triggered-at': request.headers['X-Shopify-Triggered-At'],
      'content-type': 'application/json',
    });
    expect(mapOrderPayload(JSON.parse(delivery!.body.toString()))).toEqual(mapOrderPayload(payload));
  });

  it.each([
    ['the current secret', NEW_SECRET],
    ['the previous secret, during a rotation', TEST_SECRET],
  ])('signed with %s is forwarded', async (_name, secret) => {
    const request = signedWebhook({ topic: 'customers/create', payload: fixture('customers/create'), secret });
    const res = await send(request);
    expect(res.body).toEqual({ status: 'forwarded', origin: 'accepted' });
    expect(origin.deliveriesOf(request.webhookId)).toHaveLength(1);
  });

  it('a 1,000-line orders/create is forwarded with the same lines for the origin at a fraction of the bytes', async () => {
    const payload = largeOrder(6_300_000_001, 1_000);
    const request = signedWebhook({ topic: 'orders/create', payload });

    const res = await send(request);

    expect(res.body.status).toBe('forwarded');
    const [delivery] = origin.deliveriesOf(request.webhookId);
    expect(delivery!.body.length / request.body.length).toBeLessThan(0.25);
    const forwarded = mapOrderPayload(JSON.parse(delivery!.body.toString()));
    expect(forwarded.lines).toHaveLength(1_000);
    expect(forwarded).toEqual(mapOrderPayload(payload));
    const logged = edge.events().find((e) => e.webhookId === request.webhookId);
    expect(logged).toMatchObject({ event: 'webhook_forwarded', bytesIn: request.body.length, bytesOut: delivery!.body.length });
  });
});

describe('forged or modified webhooks are rejected at the edge and never forwarded', () => {
  const payload = fixture('orders/create');
  const tamper = (request: WebhookRequest): WebhookRequest => ({
    ...request,
    body: Buffer.from(request.body.toString().replace('"2133.00"', '"1.00"')),
  });
  const withHeader = (request: WebhookRequest, value: string | undefined): WebhookRequest => {
    const headers = { ...request.headers };
    if (value === undefined) delete headers['X-Shopify-Hmac-Sha256'];
    else headers['X-Shopify-Hmac-Sha256'] = value;
    return { ...request, headers };
  };

  it.each([
    ['signed with a secret the edge does not know', () => signedWebhook({ topic: 'orders/create', payload, secret: 'attacker' }), 'HMAC_INVALID'],
    ['modified after Shopify signed it', () => tamper(signedWebhook({ topic: 'orders/create', payload })), 'HMAC_INVALID'],
    ['unsigned', () => withHeader(signedWebhook({ topic: 'orders/create', payload }), undefined), 'HMAC_MISSING'],
    ['signed with garbage', () => withHeader(signedWebhook({ topic: 'orders/create', payload }), 'not base64!'), 'HMAC_INVALID'],
    ['signed with a truncated digest', () => withHeader(signedWebhook({ topic: 'orders/create', payload }), Buffer.alloc(16).toString('base64')), 'HMAC_INVALID'],
    ['forged for a shop that is not allowed', () => signedWebhook({ topic: 'orders/create', payload, shop: 'other.myshopify.com', secret: 'x' }), 'HMAC_INVALID'],
  ])('%s → 401, nothing forwarded or queued', async (_name, make, code) => {
    const request = make();

    const res = await send(request);

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe(code);
    expect(origin.deliveriesOf(request.webhookId)).toHaveLength(0);
    expect(edge.events().filter((e) => e.webhookId === request.webhookId)).toEqual([]);
  });
});

describe('filtering authentic webhooks', () => {
  it.each([
    ['from a shop not on the allowlist', { topic: 'orders/create', payload: fixture('orders/create'), shop: 'other-shop.myshopify.com' }, 'shop_not_allowed'],
    ['of a topic the origin does not handle', { topic: 'themes/publish', payload: { id: 1, name: 'Dawn' } }, 'topic_not_allowed'],
    ['of a topic the origin ignores', { topic: 'orders/edited', payload: { order_edit: { id: 1 } } }, 'topic_not_allowed'],
  ])('%s → 200 filtered, nothing forwarded', async (_name, options, reason) => {
    const request = signedWebhook(options);
    const res = await send(request);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'filtered', reason });
    expect(origin.deliveriesOf(request.webhookId)).toHaveLength(0);
  });
});

describe('requests that are not a usable webhook', () => {
  it.each([
    ['malformed metadata headers', 400, 'HEADERS_INVALID', signedWebhook({ topic: 'orders/create', payload: {}, shop: 'evil.example.com' })],
    ['a body that is not JSON', 400, 'BODY_NOT_JSON', signedWebhook({ topic: 'orders/create', payload: '{"id": 1,' })],
    ['a JSON array', 400, 'BODY_NOT_JSON', signedWebhook({ topic: 'orders/create', payload: '[1,2]' })],
    ['a body over MAX_BODY_BYTES', 413, 'BODY_TOO_LARGE', signedWebhook({ topic: 'orders/create', payload: { note: 'x'.repeat(2 * 1024 * 1024) } })],
  ] as const)('%s → %p %s, nothing forwarded', async (_name, status, code, request) => {
    const res = await send(request);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(origin.deliveriesOf(request.webhookId)).toHaveLength(0);
  });

  it.each([
    ['GET', '/webhooks/shopify', 405],
    ['PUT', '/webhooks/shopify', 405],
    ['POST', '/webhooks/other', 404],
    ['GET', '/', 404],
  ])('%s %s → %p', async (method, pathname, status) => {
    const res = await fetch(`${edge.url}${pathname}`, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
    expect(res.status).toBe(status);
    if (status === 405) expect(res.headers.get('allow')).toBe('POST');
    await res.arrayBuffer();
  });
});

describe("the Worker's logs", () => {
  it('are structured lines that hold no secret and no HMAC', async () => {
    // Runs last: by now every kind of request above has been logged.
    await new Promise((r) => setTimeout(r, 200));
    expect(edge.logs.length).toBeGreaterThan(10);
    for (const line of edge.logs) {
      expect(() => JSON.parse(line)).not.toThrow();
      for (const secret of [TEST_SECRET, NEW_SECRET, EDGE_INTERNAL_SECRET, ...signatures]) expect(line).not.toContain(secret);
    }
  });
});
