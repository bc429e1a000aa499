/**
 * Stopping the API process (src/api/main.ts, a real child process on the real PostgreSQL
 * and Temporal of the test stack): SIGTERM during a burst of webhooks stops accepting,
 * finishes what is in flight and exits 0; every webhook answered 200 is processed exactly
 * once by a worker started afterwards. A second signal exits at once with 130.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { inArray } from 'drizzle-orm';
import { customers, webhookInbox } from '../../src/db/schema';
import { freePort } from '../../src/local/ports';
import type { RunningWorker } from '../../src/worker/startWorker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestWorker, uniqueTaskQueue } from '../helpers/service';
import { fixture, signedWebhook, TEST_SECRET, type WebhookRequest } from '../helpers/webhooks';

let database: TestDatabase;
let temporal: Client;
let worker: RunningWorker | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await connectClient();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await worker?.shutdown();
  await temporal?.connection.close();
  await database?.close();
});

interface ApiProcess {
  child: ChildProcess;
  port: number;
  exited: Promise<{ code: number | null; at: number }>;
  log: string[];
}

async function spawnApi(taskQueue: string): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../src/api/main.ts')], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SHOPIFY_API_SECRET: TEST_SECRET,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const log: string[] = [];
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`API exited with ${code} before listening`)));
    child.stdout!.on('data', (data: Buffer) => {
      log.push(...data.toString().split('\n').filter(Boolean));
      if (log.some((l) => l.includes('"API listening"'))) resolve();
    });
  });
  return { child, port, exited, log };
}

const customerWebhook = (n: number) =>
  signedWebhook({ topic: 'customers/create', payload: { ...fixture('customers/create'), id: 80_000 + n, admin_graphql_api_id: `gid://shopify/Customer/${80_000 + n}` } });

/** One request on its own connection; resolves with the status, or the network error's code. */
function send(port: number, request: WebhookRequest, agent: http.Agent): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/webhooks/shopify', method: 'POST', headers: request.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    req.end(request.body);
  });
}

/** A request whose body is only half sent: it stays in flight until `finish()` is called. */
function startSlowRequest(port: number, request: WebhookRequest) {
  const half = Math.floor(request.body.length / 2);
  let resolveStatus: (s: number | string) => void;
  const status = new Promise<number | string>((r) => (resolveStatus = r));
  const req = http.request({ host: '127.0.0.1', port, path: '/webhooks/shopify', method: 'POST', headers: { ...request.headers, 'Content-Length': String(request.body.length) }, agent: false }, (res) => {
    res.resume();
    res.on('end', () => resolveStatus(res.statusCode ?? 0));
  });
  req.on('error', (err: NodeJS.ErrnoException) => resolveStatus(err.code ?? err.message));
  req.write(request.body.subarray(0, half));
  return { status, finish: () => req.end(request.body.subarray(half)) };
}

it('SIGTERM during a burst: stops accepting, finishes in-flight requests, exits 0; every 200 is processed exactly once after restart', async () => {
  const taskQueue = uniqueTaskQueue('lifecycle');
  const api = await spawnApi(taskQueue);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const results = new Map<string, number | string>();
  let n = 0;
  let stop = false;
  // Eight senders, each one request after another on keep-alive connections, as Shopify's pool would.
  const senders = Array.from({ length: 8 }, async () => {
    while (!stop) {
      const request = customerWebhook(n++);
      const outcome = await send(api.port, request, agent);
      results.set(request.webhookId, outcome);
      if (typeof outcome === 'string') return; // refused: the server is closed
    }
  });
  const acknowledged = () => [...results.values()].filter((s) => s === 200).length;
  await eventually(async () => acknowledged() >= 100, 30_000, 20);

  const slowRequest = customerWebhook(99_999);
  const slow = startSlowRequest(api.port, slowRequest);
  await new Promise((r) => setTimeout(r, 100));
  const signalledAt = Date.now();
  api.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  // Still running (the slow request holds it), but no longer accepting connections.
  expect(api.child.exitCode).toBeNull();
  expect(await send(api.port, customerWebhook(99_998), new http.Agent({ keepAlive: false }))).toBe('ECONNREFUSED');
  slow.finish();
  expect(await slow.status).toBe(200);
  results.set(slowRequest.webhookId, 200);
  stop = true;
  await Promise.all(senders);
  agent.destroy();

  const { code, at } = await api.exited;
  expect(code).toBe(0);
  expect(at - signalledAt).toBeLessThan(10_000);
  expect(api.log.some((l) => l.includes('"shut down"'))).toBe(true);

  const ackedIds = [...results].filter(([, s]) => s === 200).map(([id]) => id);
  // Anything else was a refused or reset connection (Shopify redelivers those), never a 5xx.
  expect([...results.values()].filter((s) => s !== 200 && typeof s === 'number')).toEqual([]);
  expect(ackedIds.length).toBeGreaterThan(100);

  // Restart: a worker (with its relay) comes up and drains what the API recorded.
  worker = await startTestWorker(database.db, taskQueue);
  await eventually(async () => {
    const rows = await database.db.select({ status: webhookInbox.status }).from(webhookInbox).where(inArray(webhookInbox.webhookId, ackedIds));
    return rows.length === ackedIds.length && rows.every((r) => r.status === 'processed');
  }, 90_000, 250);
  const gids = await database.db.select({ gid: customers.gid }).from(customers);
  expect(new Set(gids.map((g) => g.gid)).size).toBe(gids.length);
  // Exactly once: one workflow run per acknowledged webhook ID.
  const runs = await eventually(async () => {
    const perWorkflow = new Map<string, number>();
    for await (const wf of temporal.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) perWorkflow.set(wf.workflowId, (perWorkflow.get(wf.workflowId) ?? 0) + 1);
    return ackedIds.every((id) => perWorkflow.has(`webhook-${id}`)) ? perWorkflow : undefined;
  }, 30_000, 500);
  expect(ackedIds.filter((id) => runs.get(`webhook-${id}`) !== 1)).toEqual([]);
}, 180_000);

it('a second signal exits at once with 130, even with a request still in flight', async () => {
  const api = await spawnApi(uniqueTaskQueue('lifecycle-2'));
  const stuck = startSlowRequest(api.port, customerWebhook(99_997));
  await new Promise((r) => setTimeout(r, 100));

  api.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  expect(api.child.exitCode).toBeNull(); // waiting for the stuck request
  const secondAt = Date.now();
  api.child.kill('SIGTERM');
  const { code, at } = await api.exited;

  expect(code).toBe(130);
  expect(at - secondAt).toBeLessThan(1_000);
  expect(await stuck.status).toMatch(/ECONNRESET|socket hang up/);
});
