import { createHmac, randomBytes } from 'node:crypto';
import { eventually } from '../helpers/eventually';
import { fixture, postWebhook, signedWebhook, TEST_SECRET, type WebhookRequest } from '../helpers/webhooks';
import { EDGE_INTERNAL_SECRET, startEdge, type RunningEdge } from './edgeRuntime';
import { largeOrder } from '../helpers/largeOrder';
import { OriginStub } from './originStub';

/** Short deadline and backoff so outages of seconds are tested in seconds. */
const FORWARD_TIMEOUT_MS = 500;

let origin: OriginStub;
let edge: RunningEdge;

beforeAll(async () => {
  origin = new OriginStub();
  await origin.start();
  edge = await startEdge({
    originUrl: origin.url,
    vars: { FORWARD_TIMEOUT_MS: String(FORWARD_TIMEOUT_MS), RETRY_BASE_SECONDS: '1', RETRY_MAX_SECONDS: '2' },
  });
});

afterEach(async () => {
  origin.behaviour = { kind: 'ok' };
  await origin.start().catch(() => undefined); // already listening
});

afterAll(async () => {
  await edge?.dispose();
  await origin?.stop();
});

const customer = (n: number) => ({ ...fixture('customers/create'), id: 9_100_000 + n, admin_graphql_api_id: `gid://shopify/Customer/${9_100_000 + n}` });

async function timed(request: WebhookRequest) {
  const started = Date.now();
  const res = await postWebhook(edge.url, request);
  return { ...res, ms: Date.now() - started };
}

/** Waits past a few redelivery rounds so a duplicate delivery would have shown up. */
const settle = () => new Promise((r) => setTimeout(r, 2_500));

describe('lossless fast acknowledgement', () => {
  it('origin down: 200 queued at once; delivered exactly once, signed and authenticated, after the origin is back', async () => {
    await origin.stop();
    const requests = [1, 2, 3].map((n) => signedWebhook({ topic: 'customers/create', payload: customer(n) }));

    const answers = await Promise.all(requests.map(timed));

    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: 'queued' });
    }
    // "At once": queued because the origin refused the connection, not after waiting out the
    // forward deadline (how long that takes is bench:edge's business, not a timed test's).
    for (const r of requests) {
      expect(edge.events().find((e) => e.event === 'webhook_queued' && e.webhookId === r.webhookId)).toMatchObject({ reason: expect.stringMatching(/^unreachable/) });
    }
    await new Promise((r) => setTimeout(r, 2_500)); // the consumer retries against the closed port meanwhile
    expect(edge.events().some((e) => e.event === 'queued_webhook_retry' && e.webhookId === requests[0]!.webhookId)).toBe(true);
    await origin.start();
    await eventually(async () => requests.every((r) => origin.deliveriesOf(r.webhookId).length > 0), 15_000);
    await settle();
    for (const request of requests) {
      const deliveries = origin.deliveriesOf(request.webhookId);
      expect(deliveries).toHaveLength(1);
      const [delivery] = deliveries;
      expect(delivery!.headers['x-shopify-hmac-sha256']).toBe(createHmac('sha256', TEST_SECRET).update(delivery!.body).digest('base64'));
      expect(delivery!.headers['x-internal-auth']).toBe(EDGE_INTERNAL_SECRET);
      expect(JSON.parse(delivery!.body.toString()).id).toBe(JSON.parse(request.body.toString()).id);
    }
  });

  it('origin slower than the deadline: 200 queued within the deadline; the queue delivers it again, which the origin dedupes', async () => {
    const ORIGIN_DELAY_MS = 3_000;
    origin.behaviour = { kind: 'slow', delayMs: ORIGIN_DELAY_MS };
    const request = signedWebhook({ topic: 'customers/create', payload: customer(10) });

    const answer = await timed(request);

    expect(answer.body).toEqual({ status: 'queued' });
    // Queued at the deadline, not after the slow origin answered (the deadline's own latency is bench:edge's).
    expect(edge.events().find((e) => e.event === 'webhook_queued' && e.webhookId === request.webhookId)).toMatchObject({ reason: `no answer within ${FORWARD_TIMEOUT_MS} ms` });
    expect(answer.ms).toBeLessThan(ORIGIN_DELAY_MS);
    // The abandoned request still reaches the slow origin, and the queue delivers once more.
    await eventually(async () => origin.deliveriesOf(request.webhookId).length >= 2, 15_000);
    await settle();
    expect(origin.deliveriesOf(request.webhookId)).toHaveLength(2);
  });

  it('origin answers 500, 503, 401, 403, 404 or 429: 200 queued; each delivered once when the origin recovers', async () => {
    const statuses = [500, 503, 401, 403, 404, 429];
    const requests = statuses.map((status) => signedWebhook({ topic: 'customers/create', payload: customer(100 + status) }));
    origin.behaviour = new Map(requests.map((r, i) => [r.webhookId, { kind: 'status', status: statuses[i]! }]));

    const answers = await Promise.all(requests.map(timed));

    expect(answers.map((a) => a.body)).toEqual(statuses.map(() => ({ status: 'queued' })));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(requests.flatMap((r) => origin.deliveriesOf(r.webhookId))).toHaveLength(0);
    origin.behaviour = { kind: 'ok' };
    await eventually(async () => requests.every((r) => origin.deliveriesOf(r.webhookId).length > 0), 15_000);
    await settle();
    expect(requests.map((r) => origin.deliveriesOf(r.webhookId).length)).toEqual(statuses.map(() => 1));
  });

  it('origin refuses the event itself (400): the refusal is passed to Shopify and nothing is queued', async () => {
    origin.behaviour = { kind: 'status', status: 400 };
    const request = signedWebhook({ topic: 'customers/create', payload: customer(400) });

    const answer = await timed(request);

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('STUB');
    expect(edge.events().filter((e) => e.webhookId === request.webhookId).map((e) => e.event)).toEqual(['webhook_refused_by_origin']);
  });

  it('origin down and the event too large for a queue message: 503 with Retry-After, so Shopify keeps it', async () => {
    await origin.stop();
    // Titles are read by the origin, so they survive stripping; random ones do not compress.
    const payload = largeOrder(6_400_000_001, 1_000);
    for (const line of payload.line_items) line.title = randomBytes(150).toString('base64');
    const request = signedWebhook({ topic: 'orders/create', payload });

    const answer = await timed(request);

    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(answer.body.error.code).toBe('UNAVAILABLE');
    expect(edge.events().find((e) => e.webhookId === request.webhookId)).toMatchObject({ event: 'webhook_unavailable', code: 'QUEUE_MESSAGE_TOO_LARGE' });
  });
});
