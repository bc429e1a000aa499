/**
 * GET /metrics as Prometheus scrapes it: strictly valid text, counters that move as
 * webhooks arrive, queue health read from PostgreSQL; and the worker's Temporal SDK
 * metrics from a real worker process started with TEMPORAL_METRICS_ADDRESS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import type { RunningApi } from '../../src/api/startApi';
import { createDb, createPool } from '../../src/db/client';
import { webhookInbox } from '../../src/db/schema';
import { freePort } from '../../src/local/ports';
import type { RunningWorker } from '../../src/worker/startWorker';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { parsePrometheusText, sampleValue, type Family } from '../helpers/prometheusText';
import { connectClient, startTestApi, startTestWorker, uniqueTaskQueue } from '../helpers/service';
import { fixture, postWebhook, signedWebhook, TEST_SECRET } from '../helpers/webhooks';

let database: TestDatabase;
let temporal: Client;
let api: RunningApi;
let worker: RunningWorker | undefined;
const taskQueue = uniqueTaskQueue('metrics');

beforeAll(async () => {
  database = await createTestDatabase();
  temporal = await connectClient();
  api = await startTestApi({ db: database.db, temporal, taskQueue });
});

afterAll(async () => {
  await worker?.shutdown();
  await api?.close();
  await temporal?.connection.close();
  await database?.close();
});

async function scrape(url = `${api.url}/metrics`): Promise<Map<string, Family>> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return parsePrometheusText(await res.text());
}

/** Past the snapshot cache, so the next scrape reads PostgreSQL again. */
const pastSnapshotCache = () => new Promise((r) => setTimeout(r, 2_100));

const customer = (n: number) => ({ ...fixture('customers/create'), id: 61_000 + n, admin_graphql_api_id: `gid://shopify/Customer/${61_000 + n}` });

describe('the strict exposition parser', () => {
  it.each([
    ['a sample without a value', 'a_total\n'],
    ['an unquoted label value', '# TYPE a counter\na{x=1} 1\n'],
    ['a second TYPE line', '# TYPE a counter\n# TYPE a counter\na 1\n'],
    ['TYPE after samples', 'a 1\n# TYPE a gauge\n'],
    ['the same series twice', '# TYPE a gauge\na{x="1"} 1\na{x="1"} 2\n'],
    ['a family split in two', '# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x="2"} 1\n'],
    ['a negative counter', '# TYPE a counter\na -1\n'],
    ['buckets that are not cumulative', '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n'],
    ['a +Inf bucket that is not _count', '# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 1\n'],
    ['no final newline', '# TYPE a gauge\na 1'],
    ['a bad metric name', '# TYPE 1a gauge\n'],
  ])('refuses %s', (_case, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});

describe('GET /metrics', () => {
  it('is Prometheus text (0.0.4) that a strict parser accepts, with process metrics and every b2b_ family described', async () => {
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusText(await res.text());

    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(families.has(name)).toBe(true);
    }
    const ours = [...families.values()].filter((f) => f.name.startsWith('b2b_'));
    expect(ours.map((f) => f.name).sort()).toEqual([
      'b2b_catalog_import_last_lines_per_second',
      'b2b_catalog_import_lines_loaded_total',
      'b2b_catalog_imports_active',
      'b2b_draft_orders_created_total',
      'b2b_inbox_dead_events',
      'b2b_inbox_oldest_pending_age_seconds',
      'b2b_inbox_pending_events',
      'b2b_inbox_pending_retrying_events',
      'b2b_metrics_database_up',
      'b2b_webhook_ack_duration_seconds',
      'b2b_webhooks_acknowledged_total',
      'b2b_webhooks_received_total',
      'b2b_webhooks_rejected_total',
    ]);
    for (const f of ours) expect(f.help).toBeTruthy();
    expect(sampleValue(families, 'b2b_metrics_database_up')).toBe(1);
  });

  it('counts webhooks by outcome and rejection reason, times their acknowledgement, and shows them pending until a relay runs', async () => {
    const before = await scrape();
    const accepted = [0, 1, 2].map((n) => signedWebhook({ topic: 'customers/create', payload: customer(n) }));
    const forged = signedWebhook({ topic: 'customers/create', payload: customer(9), secret: 'not-the-secret' });
    const unsigned = signedWebhook({ topic: 'customers/create', payload: customer(10) });
    delete unsigned.headers['X-Shopify-Hmac-Sha256'];
    const notJson = signedWebhook({ topic: 'customers/create', payload: 'not json at all' });

    for (const request of accepted) expect((await postWebhook(api.url, request)).body.status).toBe('accepted');
    expect((await postWebhook(api.url, accepted[0]!)).body.status).toBe('duplicate');
    expect((await postWebhook(api.url, signedWebhook({ topic: 'themes/publish', payload: { id: 1 } }))).body.status).toBe('ignored');
    expect((await postWebhook(api.url, forged)).status).toBe(401);
    expect((await postWebhook(api.url, unsigned)).status).toBe(401);
    expect((await postWebhook(api.url, notJson)).status).toBe(400);
    await pastSnapshotCache();
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string> = {}) => (sampleValue(after, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);
    expect(delta('b2b_webhooks_received_total')).toBe(8);
    expect(delta('b2b_webhooks_acknowledged_total', { outcome: 'accepted' })).toBe(3);
    expect(delta('b2b_webhooks_acknowledged_total', { outcome: 'duplicate' })).toBe(1);
    expect(delta('b2b_webhooks_acknowledged_total', { outcome: 'ignored' })).toBe(1);
    expect(delta('b2b_webhooks_rejected_total', { reason: 'HMAC_INVALID', status: '401' })).toBe(1);
    expect(delta('b2b_webhooks_rejected_total', { reason: 'HMAC_MISSING', status: '401' })).toBe(1);
    expect(delta('b2b_webhooks_rejected_total', { reason: 'BODY_NOT_JSON', status: '400' })).toBe(1);
    expect(delta('b2b_webhook_ack_duration_seconds_count', { result: 'acknowledged' })).toBe(5);
    expect(delta('b2b_webhook_ack_duration_seconds_count', { result: 'rejected' })).toBe(3);
    expect(delta('b2b_webhook_ack_duration_seconds_bucket', { result: 'acknowledged', le: '+Inf' })).toBe(5);

    // No relay yet: the three accepted events wait, and the oldest has waited past the cache window.
    expect(sampleValue(after, 'b2b_inbox_pending_events')).toBe(3);
    expect(sampleValue(after, 'b2b_inbox_oldest_pending_age_seconds')).toBeGreaterThan(2);

    worker = await startTestWorker(database.db, taskQueue);
    await eventually(async () => {
      const rows = await database.db.select({ status: webhookInbox.status }).from(webhookInbox).where(eq(webhookInbox.topic, 'customers/create'));
      return rows.length === 3 && rows.every((r) => r.status === 'processed');
    });
    await pastSnapshotCache();
    const drained = await scrape();
    expect(sampleValue(drained, 'b2b_inbox_pending_events')).toBe(0);
    expect(sampleValue(drained, 'b2b_inbox_oldest_pending_age_seconds')).toBe(0);
  });

  it('reads dead events and catalog import lines from PostgreSQL', async () => {
    worker ??= await startTestWorker(database.db, taskQueue);
    const broken = { ...fixture('orders/create'), id: 990_101, admin_graphql_api_id: 'gid://shopify/Order/990101', total_price: 'twelve' };
    const request = signedWebhook({ topic: 'orders/create', payload: broken });
    expect((await postWebhook(api.url, request)).status).toBe(200);
    await database.pool.query(
      `INSERT INTO catalog_imports (id, shop, workflow_id, status, trigger, lines_loaded, created_at, finished_at)
       VALUES (gen_random_uuid(), 'metrics.myshopify.com', 'catalog-import-metrics', 'completed', 'test', 12000, now() - interval '60 seconds', now())`,
    );
    await eventually(async () => (await database.db.select().from(webhookInbox).where(eq(webhookInbox.webhookId, request.webhookId)))[0]?.status === 'dead');
    await pastSnapshotCache();

    const families = await scrape();
    expect(sampleValue(families, 'b2b_inbox_dead_events')).toBe(1);
    expect(sampleValue(families, 'b2b_catalog_import_lines_loaded_total')).toBe(12_000);
    expect(sampleValue(families, 'b2b_catalog_import_last_lines_per_second')).toBeCloseTo(200, 0);
    expect(sampleValue(families, 'b2b_catalog_imports_active')).toBe(0);
    expect(sampleValue(families, 'b2b_draft_orders_created_total')).toBe(0);
  });

  it('still answers with PostgreSQL unreachable: database_up 0 and the database-backed gauges NaN', async () => {
    const deadPool = createPool(`postgres://postgres:postgres@127.0.0.1:${await freePort()}/none`, { max: 1, connectionTimeoutMillis: 500 });
    const offline = await startTestApi({ db: createDb(deadPool), temporal, taskQueue });
    try {
      const families = await scrape(`${offline.url}/metrics`);
      expect(sampleValue(families, 'b2b_metrics_database_up')).toBe(0);
      expect(sampleValue(families, 'b2b_inbox_pending_events')).toBeNaN();
      expect(sampleValue(families, 'b2b_webhooks_received_total')).toBe(0);
    } finally {
      await offline.close();
      await deadPool.end();
    }
  });
});

describe('the worker process with TEMPORAL_METRICS_ADDRESS', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('with METRICS_TOKEN set: 401 without a token, 403 with a wrong one (the admin token included), Prometheus text with it', async () => {
    const guarded = await startTestApi({ db: database.db, temporal, taskQueue, adminApiToken: 'admin-token', metricsToken: 'scraper-token' });
    try {
      const as = (authorization?: string) => fetch(`${guarded.url}/metrics`, { headers: authorization ? { authorization } : {} });
      const missing = await as();
      expect([missing.status, ((await missing.json()) as any).error.code]).toEqual([401, 'METRICS_AUTH_MISSING']);
      for (const wrong of ['Bearer nope', 'Bearer admin-token']) {
        const refused = await as(wrong);
        expect([refused.status, ((await refused.json()) as any).error.code]).toEqual([403, 'METRICS_AUTH_INVALID']);
      }
      const ok = await as('Bearer scraper-token');
      expect(ok.status).toBe(200);
      expect(parsePrometheusText(await ok.text()).has('b2b_webhooks_received_total')).toBe(true);
    } finally {
      await guarded.close();
    }
  });

  it('exports the Temporal SDK metrics as Prometheus text, counts dead events there, and exits 0 on SIGTERM', async () => {
    await worker?.shutdown();
    worker = undefined;
    const metricsPort = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../src/worker/main.ts')], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
        TEMPORAL_TASK_QUEUE: uniqueTaskQueue('metrics-worker'),
        TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
        SHOPIFY_API_SECRET: TEST_SECRET,
        CATALOG_IMPORT_SCHEDULE: 'off',
        CONSTRAINT_SYNC_SCHEDULE: 'off',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    const ok = signedWebhook({ topic: 'customers/create', payload: customer(20) });
    const broken = signedWebhook({ topic: 'orders/create', payload: { ...fixture('orders/create'), id: 990_102, admin_graphql_api_id: 'gid://shopify/Order/990102', total_price: 'x' } });
    expect((await postWebhook(api.url, ok)).status).toBe(200);
    expect((await postWebhook(api.url, broken)).status).toBe(200);
    // The worker bundles its workflows at start; then its relay takes both events.
    await eventually(async () => {
      const rows = await database.db.select({ id: webhookInbox.webhookId, status: webhookInbox.status }).from(webhookInbox);
      const status = new Map(rows.map((r) => [r.id, r.status]));
      return status.get(ok.webhookId) === 'processed' && status.get(broken.webhookId) === 'dead';
    }, 90_000, 250);

    // The exporter publishes on its own cadence: wait until both runs and the dead event show.
    const families = await eventually(async () => {
      const f = await scrape(`http://127.0.0.1:${metricsPort}/metrics`);
      const completed = sampleValue(f, 'temporal_workflow_completed', { workflow_type: 'webhookWorkflow' }) ?? 0;
      const failed = sampleValue(f, 'temporal_workflow_failed', { workflow_type: 'webhookWorkflow' }) ?? 0;
      return completed >= 1 && failed >= 1 && f.has('b2b_dead_events') ? f : undefined;
    }, 15_000, 250);
    expect(families.get('temporal_workflow_task_execution_latency')?.type).toBe('histogram');
    // Our activity's counter, through the SDK's metric meter (not prefixed: the prefix is the SDK's own).
    const dead = families.get('b2b_dead_events');
    expect(dead?.type).toBe('counter');
    expect(dead?.samples.find((s) => s.labels.notification === 'not_configured')?.value).toBe(1);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 150_000);
});
