/**
 * The catalog import as users drive it: `POST /imports/catalog` → workflow → bulk export
 * at the (simulated) shop → bulk_operations/finish webhook through our own ingestion →
 * signal → streamed load → merge; `GET /imports/:id` to follow it. Real PostgreSQL, real
 * Temporal, the Shopify simulator over HTTP.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Harness } from '../../sim/shopify/testing/harness';
import { startHarness, TEST_SHOP, TEST_TOKEN } from '../../sim/shopify/testing/harness';
import type { RunningApi } from '../../src/api/startApi';
import { catalogImportWorkflowId } from '../../src/domain/catalog/catalogImport';
import { createShopRepository } from '../../src/repositories/shopRepository';
import { CATALOG_IMPORT_SCHEDULE_ID } from '../../src/temporal/catalogImportSchedule';
import type { RunningWorker } from '../../src/worker/startWorker';
import type { CatalogImportResult } from '../../src/workflows/catalogImportWorkflow';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestApi, startTestWorker, uniqueTaskQueue } from '../helpers/service';
import { shopState } from '../helpers/shopifySim';
import { spawnWorkerProcess, stopWorkerProcess } from '../helpers/spawnWorker';
import { TEST_SECRET } from '../helpers/webhooks';

const PRODUCTS = 4_000;
const VARIANTS = 5;
const LOCATIONS = 2;
const LINES = PRODUCTS * (1 + 1 + VARIANTS * (1 + LOCATIONS));

let h: Harness;
let database: TestDatabase;
let temporal: Client;
let api: RunningApi;
let worker: RunningWorker | undefined;
let taskQueue: string;

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as any });
const post = (route: string, body: unknown) =>
  fetch(`${api.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(json);
const get = (route: string) => fetch(`${api.url}${route}`).then(json);
const count = async (table: string, where = 'true') => Number((await database.pool.query(`SELECT count(*) AS n FROM ${table} WHERE shop = $1 AND ${where}`, [TEST_SHOP])).rows[0].n);

beforeAll(async () => {
  h = await startHarness({}, { catalog: { products: PRODUCTS, variantsPerProduct: VARIANTS, locations: LOCATIONS, metafieldsPerProduct: 1, seed: 5 } });
  temporal = await connectClient();
});
afterAll(async () => {
  await h?.close();
  await temporal?.connection.close();
});

beforeEach(async () => {
  database = await createTestDatabase();
  taskQueue = uniqueTaskQueue('catalog');
  await createShopRepository(database.db).saveInstall(TEST_SHOP, TEST_TOKEN);
  await h.admin('POST', '/_sim/reset', { shop: TEST_SHOP });
  api = await startTestApi({ db: database.db, temporal, taskQueue });
  // The simulated shop delivers its webhooks to our API, signed like Shopify's.
  await h.admin('PUT', `/_sim/shops/${TEST_SHOP}/webhook-target`, { url: `${api.url}/webhooks/shopify`, secret: TEST_SECRET });
});
afterEach(async () => {
  await worker?.shutdown();
  worker = undefined;
  await api?.close();
  await database?.close();
  await h.admin('DELETE', `/_sim/shops/${TEST_SHOP}/bulk-faults`);
});

const startWorker = async () => {
  worker = await startTestWorker(database.db, taskQueue, undefined, {}, { adminBaseUrl: `${h.url}/{shop}` });
};

it('POST /imports/catalog → woken by bulk_operations/finish → exact catalog; GET /imports/:id follows it', async () => {
  await startWorker();
  const started = await post('/imports/catalog', { shop: TEST_SHOP });
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ workflowId: catalogImportWorkflowId(TEST_SHOP), status: 'exporting', statusUrl: `/imports/${started.body.importId}` });

  // The workflow polls only once a minute: finishing well before that means the webhook woke it.
  const result = (await temporal.workflow.getHandle(started.body.workflowId).result()) as CatalogImportResult;
  expect(result).toMatchObject({ outcome: 'completed', load: { lines: LINES }, stats: { variants: { inserted: PRODUCTS * VARIANTS } } });
  const webhookRuns = await eventually(async () => {
    const deliveries = (await shopState(h)).webhookDeliveries.filter((d: any) => d.topic === 'bulk_operations/finish');
    return deliveries.length > 0 && deliveries.every((d: any) => d.status === 'delivered') ? deliveries : undefined;
  });
  const finish = await temporal.workflow.getHandle(`webhook-${webhookRuns[0].webhookId}`).result();
  expect(finish).toMatchObject({ outcome: 'applied', handler: 'routeBulkOperationFinish', signalled: catalogImportWorkflowId(TEST_SHOP) });

  const status = await get(started.body.statusUrl);
  expect(status.status).toBe(200);
  expect(status.body).toMatchObject({ id: started.body.importId, status: 'completed', progress: 1, lines: LINES, rejectedLines: 0, trigger: 'api' });
  expect(status.body.bytes.loaded).toBe(status.body.bytes.total);
  expect(await count('product_variants', 'deleted_at IS NULL')).toBe(PRODUCTS * VARIANTS);
  expect(await count('inventory_levels')).toBe(PRODUCTS * VARIANTS * LOCATIONS);
  // Staging is gone once merged.
  const staging = await database.pool.query(`SELECT count(*) AS n FROM pg_tables WHERE tablename LIKE 'catalog_stage_%'`);
  expect(Number(staging.rows[0].n)).toBe(0);
});

it('allows one import per shop at a time', async () => {
  await h.admin('PUT', `/_sim/shops/${TEST_SHOP}/bulk-faults`, { minRunMs: 3_000 });
  await startWorker();
  const first = await post('/imports/catalog', { shop: TEST_SHOP });
  const second = await post('/imports/catalog', { shop: TEST_SHOP });
  expect(first.status).toBe(202);
  expect(second.status).toBe(409);
  expect(second.body).toMatchObject({ error: { code: 'IMPORT_ALREADY_RUNNING' }, importId: first.body.importId });
  await temporal.workflow.getHandle(first.body.workflowId).result();
  // Once it is done, the next one may start.
  expect((await post('/imports/catalog', { shop: TEST_SHOP })).status).toBe(202);
  await temporal.workflow.getHandle(first.body.workflowId).result();
});

it('falls back to polling when bulk_operations/finish never arrives', async () => {
  expect((await h.admin('DELETE', `/_sim/shops/${TEST_SHOP}/webhook-target`)).status).toBe(200);
  await startWorker();
  await database.pool.query(`INSERT INTO catalog_imports (id, shop, workflow_id, trigger) VALUES ('00000000-0000-4000-8000-000000000001', $1, 'x', 'test')`, [TEST_SHOP]);
  await database.pool.query(`UPDATE catalog_imports SET status = 'completed'`);
  const handle = await temporal.workflow.start('catalogImportWorkflow', {
    workflowId: catalogImportWorkflowId(TEST_SHOP),
    taskQueue,
    args: [{ importId: '00000000-0000-4000-8000-000000000002', shop: TEST_SHOP, trigger: 'test', pollEvery: '500 ms' }],
  });
  const result = (await handle.result()) as CatalogImportResult;
  expect(result.outcome).toBe('completed');
  expect((await shopState(h)).webhookDeliveries).toHaveLength(0);
});

it('answers bad requests with a 4xx and a reason', async () => {
  expect((await post('/imports/catalog', {})).body.error.code).toBe('BODY_INVALID');
  expect((await post('/imports/catalog', { shop: 'not a shop' })).status).toBe(400);
  const notInstalled = await post('/imports/catalog', { shop: 'other-shop.myshopify.com' });
  expect(notInstalled).toMatchObject({ status: 422, body: { error: { code: 'SHOP_NOT_INSTALLED' } } });
  const raw = await fetch(`${api.url}/imports/catalog`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"shop":' });
  expect(raw.status).toBe(400);
  expect((await get('/imports/not-a-uuid')).status).toBe(400);
  expect((await get('/imports/00000000-0000-4000-8000-00000000abcd')).status).toBe(404);
});

it('a worker killed (SIGKILL) mid-download: the next one resumes with Range and the counts are exact', async () => {
  // Serve the file slowly so the kill lands midway through the download.
  await h.admin('PUT', `/_sim/shops/${TEST_SHOP}/bulk-faults`, { downloadBytesPerSecond: 1_500_000 });
  const spawnWorker = () => spawnWorkerProcess({ databaseUrl: database.url, taskQueue, shopifyBaseUrl: `${h.url}/{shop}`, segmentBytes: 256 * 1024 });
  const first = await spawnWorker();
  // Started as the API does, but with a short heartbeat timeout so the takeover is quick.
  const importId = '00000000-0000-4000-8000-0000000000aa';
  const workflowId = catalogImportWorkflowId(TEST_SHOP);
  await temporal.workflow.start('catalogImportWorkflow', { workflowId, taskQueue, args: [{ importId, shop: TEST_SHOP, trigger: 'test', loadHeartbeatTimeout: '5 seconds' }] });
  const started = { body: { workflowId, statusUrl: `/imports/${importId}` } };
  const midway = await eventually(async () => {
    const s = (await get(started.body.statusUrl)).body;
    return s.status === 'loading' && s.bytes.loaded > 0 && s.bytes.loaded < s.bytes.total / 2 ? s : undefined;
  }, 120_000, 50);
  await stopWorkerProcess(first, 'SIGKILL');

  await h.admin('DELETE', `/_sim/shops/${TEST_SHOP}/bulk-faults`);
  const second = await spawnWorker();
  try {
    // The activity's heartbeat times out (1 minute) and the retry resumes on the new worker.
    const result = (await temporal.workflow.getHandle(started.body.workflowId).result()) as CatalogImportResult;
    expect(result.outcome).toBe('completed');
    if (result.outcome !== 'completed') return;
    expect(result.load.resumedFrom).toBeGreaterThanOrEqual(midway.bytes.loaded);
    expect(result.load.lines).toBe(LINES);
    const downloads = (await shopState(h)).bulkDownloads;
    expect(downloads.map((d: any) => d.range)).toEqual([null, `bytes=${result.load.resumedFrom}-`]);
    expect(await count('products', 'deleted_at IS NULL')).toBe(PRODUCTS);
    expect(await count('product_variants', 'deleted_at IS NULL')).toBe(PRODUCTS * VARIANTS);
    expect(await count('inventory_levels')).toBe(PRODUCTS * VARIANTS * LOCATIONS);
  } finally {
    await stopWorkerProcess(second);
  }
}, 240_000);

it('the nightly Schedule exists and, when it fires, imports every installed shop once', async () => {
  worker = await startTestWorker(database.db, taskQueue, undefined, {}, { adminBaseUrl: `${h.url}/{shop}`, catalogImportSchedule: '0 3 * * *' });
  const schedule = temporal.schedule.getHandle(CATALOG_IMPORT_SCHEDULE_ID);
  try {
    const described = await schedule.describe();
    expect(described.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 3, end: 3, step: 1 }] });
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'nightlyCatalogImportsWorkflow', taskQueue });

    await schedule.trigger();
    const run = await eventually(async () => (await schedule.describe()).info.recentActions[0]?.action.workflow);
    const nightly = await temporal.workflow.getHandle(run.workflowId, run.firstExecutionRunId).result();
    expect(nightly).toEqual({ started: [TEST_SHOP], skipped: [] });
    const result = (await temporal.workflow.getHandle(catalogImportWorkflowId(TEST_SHOP)).result()) as CatalogImportResult;
    expect(result.outcome).toBe('completed');
    expect((await database.pool.query(`SELECT trigger, status FROM catalog_imports`)).rows).toEqual([{ trigger: 'schedule', status: 'completed' }]);
  } finally {
    await schedule.delete();
    // An import left running on this test's task queue (no worker after it) would hold the
    // shop's workflow ID and refuse the next test's import.
    await temporal.workflow.getHandle(catalogImportWorkflowId(TEST_SHOP)).terminate('test ended').catch(() => undefined);
  }
}, 240_000); // a whole 44,000-line import; under a loaded CI run it took over the default 120 s

it('the b2b CLI starts an import, waits for it and exits 0 with its final state as JSON', async () => {
  await startWorker();
  const cli = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'src', 'cli', 'main.ts'), 'import-catalog', '--shop', TEST_SHOP, '--api-url', api.url, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  cli.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  cli.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
  // A failure says why.
  expect(code === 0 ? 'exit 0' : `exit ${code}: ${err}${out}`).toBe('exit 0');
  expect(JSON.parse(out.trim().split('\n').at(-1)!)).toMatchObject({ status: 'completed', lines: LINES, trigger: 'cli' });

  // A second one while nothing runs is fine; against a busy shop it exits 1 (refused).
  await h.admin('PUT', `/_sim/shops/${TEST_SHOP}/bulk-faults`, { minRunMs: 3_000 });
  const running = await post('/imports/catalog', { shop: TEST_SHOP });
  const refused = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'src', 'cli', 'main.ts'), 'import-catalog', '--shop', TEST_SHOP, '--api-url', api.url], { stdio: 'ignore' });
  expect(await new Promise((resolve) => refused.once('exit', resolve))).toBe(1);
  await temporal.workflow.getHandle(running.body.workflowId).result();
}, 120_000);
