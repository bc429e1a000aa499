/**
 * The durability rule: a 200 means the event is recorded in PostgreSQL or in Temporal, and
 * it is processed once both are back. These tests stop real servers (their own, not the
 * shared ones) in the middle of traffic.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { eq, inArray } from 'drizzle-orm';
import type { RunningApi } from '../../src/api/startApi';
import { createDb, createPool, type Db } from '../../src/db/client';
import { customers, webhookInbox } from '../../src/db/schema';
import { freePort } from '../../src/local/ports';
import type { PostgresCluster } from '../../src/local/postgresCluster';
import { startTemporalDevServer, type TemporalDevServer } from '../../src/local/temporalDevServer';
import type { RunningWorker } from '../../src/worker/startWorker';
import { startTestPostgres } from '../setup/testStack';
import { eventually } from '../helpers/eventually';
import { lazyClient, startTestApi, startTestWorker, uniqueTaskQueue, workflowResult } from '../helpers/service';
import { fixture, postWebhook, signedWebhook } from '../helpers/webhooks';

let postgres: PostgresCluster;
let temporal: TemporalDevServer;
let temporalPorts: { port: number; uiPort: number };
let scratch: string;
let pool: ReturnType<typeof createPool>;
let db: Db;
let client: Client;
let worker: RunningWorker;
let api: RunningApi;
const taskQueue = uniqueTaskQueue('outage');

async function startTemporal(): Promise<TemporalDevServer> {
  return startTemporalDevServer({
    cliPath: process.env.TEST_TEMPORAL_CLI!,
    ...temporalPorts,
    dbFile: path.join(scratch, 'temporal.sqlite'),
    namespace: 'default',
    logFile: path.join(scratch, 'temporal.log'),
  });
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'b2b-outage-'));
  temporalPorts = { port: await freePort(), uiPort: await freePort() };
  [postgres, temporal] = await Promise.all([startTestPostgres(), startTemporal()]);
  pool = createPool(postgres.urlFor('migrated_template'), { max: 10, connectionTimeoutMillis: 1_000 });
  db = createDb(pool);
  client = lazyClient(temporal.address);
  worker = await startTestWorker(db, taskQueue, temporal.address);
  api = await startTestApi({ db, temporal: client, taskQueue });
});

afterAll(async () => {
  await api?.close();
  await worker?.shutdown();
  await client?.connection.close();
  await pool?.end();
  await temporal?.stop();
  await postgres?.stop();
});

function customerWebhook(n: number) {
  const payload = { ...fixture('customers/create'), id: 5_000 + n, admin_graphql_api_id: `gid://shopify/Customer/${5_000 + n}`, email: `buyer${n}@example.com` };
  return { request: signedWebhook({ topic: 'customers/create', payload }), gid: payload.admin_graphql_api_id };
}

async function customerEmails(gids: string[]): Promise<string[]> {
  const rows = await db.select({ email: customers.email }).from(customers).where(inArray(customers.gid, gids));
  return rows.map((r) => r.email!).sort();
}

it('Temporal stopped: webhooks still get 200, wait in the inbox, and are processed once it is back', async () => {
  await temporal.stop();
  const hooks = Array.from({ length: 5 }, (_, i) => customerWebhook(i));

  const responses = await Promise.all(hooks.map((h) => postWebhook(api.url, h.request)));

  expect(responses.map((r) => [r.status, r.body.status])).toEqual(hooks.map(() => [200, 'accepted']));
  const pending = await db.select({ status: webhookInbox.status }).from(webhookInbox).where(inArray(webhookInbox.webhookId, hooks.map((h) => h.request.webhookId)));
  expect(pending.map((r) => r.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);

  temporal = await startTemporal();

  await eventually(async () => (await customerEmails(hooks.map((h) => h.gid))).length === 5, 60_000);
  expect(await customerEmails(hooks.map((h) => h.gid))).toEqual(hooks.map((_, i) => `buyer${i}@example.com`).sort());
});

it('PostgreSQL stopped: webhooks get 200 through Temporal, and are recorded and processed once it is back', async () => {
  await postgres.stop();
  const hooks = Array.from({ length: 5 }, (_, i) => customerWebhook(100 + i));

  const responses = await Promise.all(hooks.map((h) => postWebhook(api.url, h.request)));

  expect(responses.map((r) => [r.status, r.body.status])).toEqual(hooks.map(() => [200, 'accepted']));
  // A redelivery during the outage is recognised by its workflow ID.
  const again = await postWebhook(api.url, hooks[0]!.request);
  expect([again.status, again.body.status]).toEqual([200, 'duplicate']);
  // The workflows exist and keep retrying the write that needs PostgreSQL.
  await new Promise((r) => setTimeout(r, 3_000));
  for (const h of hooks) {
    expect((await client.workflow.getHandle(`webhook-${h.request.webhookId}`).describe()).status.name).toBe('RUNNING');
  }

  // Without PostgreSQL to parse it, the API checks the body itself.
  const notJson = signedWebhook({ topic: 'customers/create', payload: '{"id": 1,' });
  const rejected = await postWebhook(api.url, notJson);
  expect([rejected.status, rejected.body.error.code]).toEqual([400, 'BODY_NOT_JSON']);
  await expect(client.workflow.getHandle(`webhook-${notJson.webhookId}`).describe()).rejects.toThrow(/not found/i);

  await postgres.start();

  await Promise.all(hooks.map((h) => workflowResult(client, `webhook-${h.request.webhookId}`, 60_000)));
  expect(await customerEmails(hooks.map((h) => h.gid))).toEqual(hooks.map((_, i) => `buyer${100 + i}@example.com`).sort());
  const [row] = await db.select().from(webhookInbox).where(eq(webhookInbox.webhookId, hooks[0]!.request.webhookId));
  expect(row).toMatchObject({ status: 'processed', topic: 'customers/create', payloadBytes: hooks[0]!.request.body.length });
});

it('both stopped: 503 with Retry-After, nothing recorded; the redelivery after recovery is processed once', async () => {
  await Promise.all([postgres.stop(), temporal.stop()]);
  const hook = customerWebhook(200);

  const res = await postWebhook(api.url, hook.request);

  expect(res.status).toBe(503);
  expect(res.body.error.code).toBe('INGEST_UNAVAILABLE');
  expect(res.headers.get('retry-after')).toBe('5');

  await postgres.start();
  temporal = await startTemporal();
  const redelivery = await postWebhook(api.url, hook.request);
  expect([redelivery.status, redelivery.body.status]).toEqual([200, 'accepted']);
  await eventually(async () => (await customerEmails([hook.gid])).length === 1, 60_000);
});
