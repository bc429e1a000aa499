/**
 * Give up and notify: an event that exhausts its retries is marked dead, then a JSON notice
 * goes to DEAD_EVENT_WEBHOOK_URL (a local receiver here) and to the log. A receiver that
 * fails never costs the dead marking.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import type { RunningApi } from '../../src/api/startApi';
import { webhookInbox } from '../../src/db/schema';
import { createLogger } from '../../src/logger';
import { startWorker, type RunningWorker } from '../../src/worker/startWorker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestApi, uniqueTaskQueue } from '../helpers/service';
import { fixture, postWebhook, signedWebhook, TEST_SHOP } from '../helpers/webhooks';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: Record<string, any>;
}

const ADMIN_TOKEN = 'dead-notify-admin-token';
const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'b2b-dead-')), 'worker.log');
let receiver: http.Server;
let answer = 200;
const received: Received[] = [];
let database: TestDatabase;
let temporal: Client;
let worker: RunningWorker;
let api: RunningApi;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  database = await createTestDatabase();
  temporal = await connectClient();
  const taskQueue = uniqueTaskQueue('dead');
  worker = await startWorker({
    address: process.env.TEST_TEMPORAL_ADDRESS!,
    namespace: 'default',
    taskQueue,
    db: database.db,
    logger: createLogger('info', { process: 'worker' }, pino.destination({ dest: logFile, sync: true })),
    workflowBundlePath: process.env.TEST_WORKFLOW_BUNDLE,
    shopify: { adminBaseUrl: 'https://{shop}', apiVersion: '2026-07', requestTimeoutMs: 10_000, maxConcurrencyPerShop: 4 },
    deadEvents: { webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/dead`, timeoutMs: 1_000, attempts: 2, retryDelayMs: 100 },
    relay: { pollIntervalMs: 200 },
  });
  api = await startTestApi({ db: database.db, temporal, taskQueue, adminApiToken: ADMIN_TOKEN });
});

afterAll(async () => {
  await api?.close();
  await worker?.shutdown();
  await temporal?.connection.close();
  await database?.close();
  await new Promise((r) => receiver?.close(r));
});

beforeEach(() => {
  received.length = 0;
  answer = 200;
});

/** An order whose total is not a number: the handler refuses it at once, no retries. */
async function deliverBroken(id: number) {
  const payload = { ...fixture('orders/create'), id, admin_graphql_api_id: `gid://shopify/Order/${id}`, total_price: 'twelve' };
  const request = signedWebhook({ topic: 'orders/create', payload });
  expect((await postWebhook(api.url, request)).status).toBe(200);
  return request.webhookId;
}

const inboxStatus = async (webhookId: string) =>
  (await database.db.select({ status: webhookInbox.status, replayCount: webhookInbox.replayCount }).from(webhookInbox).where(eq(webhookInbox.webhookId, webhookId)))[0];

const settle = () => new Promise((r) => setTimeout(r, 500));

it('a dead event is POSTed once as JSON with its webhook ID, shop, topic, error and how to replay it; a replay that dies again is a new notice', async () => {
  const webhookId = await deliverBroken(990_301);

  await eventually(async () => received.length >= 1);
  await settle();
  expect(received).toHaveLength(1);
  const [notice] = received;
  expect(notice!.headers['content-type']).toBe('application/json');
  expect(notice!.headers['idempotency-key']).toBe(`${webhookId}:0`);
  expect(notice!.body).toEqual({
    type: 'webhook.dead',
    notificationId: `${webhookId}:0`,
    webhookId,
    shop: TEST_SHOP,
    topic: 'orders/create',
    workflowId: `webhook-${webhookId}`,
    error: expect.stringMatching(/order payload is invalid: total_price/),
    replayCount: 0,
    deadAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    replay: { request: `POST /webhooks/${webhookId}/replay (Authorization: Bearer <ADMIN_API_TOKEN>)`, cli: `npm run cli -- replay-webhooks ${webhookId}` },
  });
  // Marked before notifying: the row is dead by the time the notice arrives.
  expect(await inboxStatus(webhookId)).toEqual({ status: 'dead', replayCount: 0 });

  const replay = await fetch(`${api.url}/webhooks/${webhookId}/replay`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(replay.status).toBe(202);
  await eventually(async () => received.length >= 2);
  await settle();
  expect(received.map((r) => r.body.notificationId)).toEqual([`${webhookId}:0`, `${webhookId}:1`]);
  expect(await inboxStatus(webhookId)).toEqual({ status: 'dead', replayCount: 1 });
});

it('a receiver that keeps failing is retried a bounded number of times, logged, and the event stays dead and the run failed', async () => {
  answer = 503;
  const webhookId = await deliverBroken(990_302);

  await eventually(async () => received.length >= 2);
  const run = await eventually(async () => {
    const description = await temporal.workflow.getHandle(`webhook-${webhookId}`).describe();
    return description.status.name === 'FAILED' ? description : undefined;
  });
  await settle();
  expect(run.status.name).toBe('FAILED');
  expect(received.map((r) => r.body.notificationId)).toEqual([`${webhookId}:0`, `${webhookId}:0`]);
  expect(await inboxStatus(webhookId)).toEqual({ status: 'dead', replayCount: 0 });

  const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  expect(lines.find((l) => l.msg === 'webhook is dead: retries exhausted' && l.webhookId === webhookId)).toMatchObject({
    level: 50,
    shop: TEST_SHOP,
    topic: 'orders/create',
    workflowId: `webhook-${webhookId}`,
    replay: `npm run cli -- replay-webhooks ${webhookId}`,
  });
  const failure = lines.find((l) => l.msg === 'dead-event notification not delivered' && l.webhookId === webhookId);
  expect(failure).toMatchObject({ err: 'HTTP 503', attempts: 2 });
  // The URL may carry a token in its query string: it is not logged.
  expect(JSON.stringify(failure)).not.toContain('/hooks/dead');
});
