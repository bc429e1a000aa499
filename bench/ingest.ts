/**
 * npm run bench:ingest [-- --duration 20 --connections 50 --burst 10000]
 *
 * 1. Acknowledgement: signed ~5 KB webhooks through the full path vs a ceiling route in
 *    the same server that does only the unavoidable work, both for `duration` s at
 *    `connections` connections, load from a separate process: first with the API alone
 *    (workers elsewhere), then again with the worker processing on the same two cores.
 *    Prints req/s, p50/p99 and the ratios.
 * 2. Burst: `burst` distinct webhooks plus 20% redeliveries; time until every workflow has
 *    completed, and the counts that prove no loss and no duplicates.
 *
 * 3. Baseline for the burst: the same number of trivial workflows (no activity) started
 *    the same way, i.e. what the Temporal server alone can do on this machine.
 *
 * Everything runs on this machine, laid out as docker-compose runs it: its own PostgreSQL
 * (durable settings: fsync on), a Temporal dev server with SQLite persistence (as
 * `npm start`), the API in this process, the worker (with the relay) in its own process,
 * and the load generator in a third.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { sql } from 'drizzle-orm';
import { startApi } from '../src/api/startApi';
import { createDb, createPool } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { freePort } from '../src/local/ports';
import { PostgresCluster } from '../src/local/postgresCluster';
import { ensureTemporalCli } from '../src/local/temporalCli';
import { startTemporalDevServer } from '../src/local/temporalDevServer';
import { createLogger } from '../src/logger';
import { createTemporalClient } from '../src/temporal/client';
import { stopChild } from '../src/local/childProcess';
import { ceilingRouter } from './ceilingRoute';

const execFileAsync = promisify(execFile);
const SECRET = 'bench-secret';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
  duration: number;
}

async function load(job: Record<string, unknown>): Promise<LoadResult> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'loadgen.ts'), JSON.stringify({ secret: SECRET, ...job })],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as LoadResult;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const duration = arg('duration', 20);
  const connections = arg('connections', 50);
  const burst = arg('burst', 10_000);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'));
  chmodSync(scratch, 0o755);
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const logger = createLogger('warn');

  const postgres = new PostgresCluster({ dataDir: path.join(scratch, 'pg'), port: await freePort() });
  const temporal = await startTemporalDevServer({
    cliPath: await ensureTemporalCli(undefined, console.log),
    port: await freePort(),
    uiPort: await freePort(),
    dbFile: process.argv.includes('--temporal-in-memory') ? undefined : path.join(scratch, 'temporal.sqlite'),
    namespace: 'default',
    logFile: path.join(scratch, 'temporal.log'),
  });
  await postgres.start();
  const url = await postgres.createDatabase('bench');
  await runMigrations(url);
  const pool = createPool(url, { max: 20, connectionTimeoutMillis: 2_000 });
  const db = createDb(pool);
  const client = createTemporalClient(temporal.address, 'default');
  const taskQueue = 'bench-ingest';
  const startWorkerProcess = () =>
    spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'src', 'worker', 'main.ts')], {
      env: { ...process.env, DATABASE_URL: url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  const api = await startApi({
    config: { port: 0, shopifyApiSecrets: [SECRET], internalAuthSecret: undefined, adminApiToken: undefined, webhookMaxBytes: 5 * 1024 * 1024, temporal: { taskQueue } },
    db,
    temporal: client,
    logger,
    host: '127.0.0.1',
    extraRouters: [ceilingRouter(db, SECRET)],
  });
  const count = async (where: ReturnType<typeof sql>) =>
    (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM webhook_inbox WHERE ${where}`)).rows[0]!.n;

  console.log(`\nbench:ingest — ${os.cpus().length} cores, Node ${process.version}, ${duration}s × ${connections} connections, ~5 KB bodies\n`);

  const row = (name: string, r: LoadResult) =>
    `${name.padEnd(44)} ${fmt(r.requests.average).padStart(8)} ${fmt(r.latency.p50, 1).padStart(8)} ${fmt(r.latency.p99, 1).padStart(8)} ${String(r.non2xx + r.errors + r.timeouts).padStart(7)}`;
  const unfinished = sql`status IN ('pending','started')`;

  // Warm both routes (JIT, pool) before measuring.
  await load({ url: api.url, path: '/bench/ceiling', mode: 'throughput', connections, duration: 3, runId: 'warm-c' });
  await load({ url: api.url, path: '/webhooks/shopify', mode: 'throughput', connections, duration: 3, runId: 'warm-f' });

  // Phase 1: the API on its own, as when workers run on other machines. Accepted webhooks
  // wait in the inbox; the worker starts afterwards and drains them.
  const ceiling = await load({ url: api.url, path: '/bench/ceiling', mode: 'throughput', connections, duration, runId: 'ceil' });
  const full = await load({ url: api.url, path: '/webhooks/shopify', mode: 'throughput', connections, duration, runId: 'full' });
  // The throughput load only measures acknowledgement; processing is measured by the
  // burst below. Its backlog is set aside (marked ignored) so the burst starts clean.
  const setAside = async () => (await db.execute(sql`UPDATE webhook_inbox SET status = 'ignored' WHERE ${unfinished}`)).rowCount ?? 0;
  const backlog = await setAside();
  const worker = startWorkerProcess();

  // Phase 2: the same load while the worker processes on the same two cores.
  const shared = await load({ url: api.url, path: '/webhooks/shopify', mode: 'throughput', connections, duration, runId: 'shared' });
  const sharedProcessed = await count(sql`webhook_id LIKE 'shared-%' AND status = 'processed'`);
  const sharedBacklog = await setAside();

  console.log(`${'route'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(7)}`);
  console.log(row('ceiling (HMAC + 1 INSERT)', ceiling));
  console.log(row('full path, API alone', full));
  console.log(row('full path, worker processing alongside', shared));
  console.log(`full path / ceiling: ${fmt((full.requests.average / ceiling.requests.average) * 100, 1)}% of throughput, p99 ${fmt(full.latency.p99, 1)} ms vs ${fmt(ceiling.latency.p99, 1)} ms (API alone)`);
  console.log(`                     ${fmt((shared.requests.average / ceiling.requests.average) * 100, 1)}% of throughput, p99 ${fmt(shared.latency.p99, 1)} ms (worker, relay and Temporal on the same 2 cores)`);
  console.log(`(${fmt(backlog)} webhooks accepted by the API alone were left unprocessed; while the worker ran alongside it processed ${fmt(sharedProcessed)} of ${fmt(shared['2xx'])} during the load and ${fmt(sharedBacklog)} were left)\n`);

  // Burst: distinct webhooks plus 20% redeliveries.
  const repeats = Math.round(burst * 0.2);
  const burstStart = Date.now();
  const sent = await load({ url: api.url, path: '/webhooks/shopify', mode: 'burst', connections, count: burst, repeats, runId: 'burst' });
  const ackSeconds = (Date.now() - burstStart) / 1000;
  await waitUntil(async () => (await count(sql`webhook_id LIKE 'burst-%' AND status = 'processed'`)) >= burst, 900_000);
  const doneSeconds = (Date.now() - burstStart) / 1000;
  const inboxRows = await count(sql`webhook_id LIKE 'burst-%'`);
  const notProcessed = await count(sql`webhook_id LIKE 'burst-%' AND status <> 'processed'`);
  const orders = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders WHERE gid LIKE 'gid://shopify/Order/1______'`)).rows[0]!.n;
  const workflows = (await client.workflow.count(`WorkflowType = 'webhookWorkflow' AND WorkflowId STARTS_WITH 'webhook-burst-'`)).count;
  const completed = (await client.workflow.count(`WorkflowType = 'webhookWorkflow' AND WorkflowId STARTS_WITH 'webhook-burst-' AND ExecutionStatus = 'Completed'`)).count;
  console.log(`burst: ${fmt(burst)} distinct webhooks + ${fmt(repeats)} redeliveries = ${fmt(sent.requests.total)} requests, ${fmt(sent.non2xx + sent.errors + sent.timeouts)} failed`);
  console.log(`  all acknowledged in ${fmt(ackSeconds, 1)} s (${fmt(sent.requests.total / ackSeconds)} req/s, p99 ${fmt(sent.latency.p99, 1)} ms)`);
  console.log(`  every workflow completed ${fmt(doneSeconds, 1)} s after the first request (${fmt(burst / doneSeconds)} webhooks/s end to end)`);
  console.log(`  inbox rows ${fmt(inboxRows)} (expected ${fmt(burst)}), not processed ${notProcessed}, workflows ${fmt(workflows)} (completed ${fmt(completed)}), orders ${fmt(orders)}`);
  const ok = inboxRows === burst && notProcessed === 0 && workflows === burst && completed === burst && orders === burst;
  console.log(`  ${ok ? 'no loss, no duplicates' : 'MISMATCH: loss or duplicates'}`);

  const baseline = await trivialWorkflowRate(temporal.address, burst, connections);
  console.log(`  baseline, same server: ${fmt(burst)} trivial workflows (no activity, eager start) completed at ${fmt(baseline)} workflows/s`);
  console.log(`  webhooks end to end vs trivial workflows: ${fmt(((burst / doneSeconds) / baseline) * 100, 1)}%\n`);

  await api.close();
  await stopChild(worker, 15_000);
  await client.connection.close();
  await pool.end();
  await temporal.stop();
  await postgres.stop();
  process.exit(ok ? 0 : 1);
}

/** Starts `count` no-op workflows from `concurrency` callers and waits for all; returns workflows/s. */
async function trivialWorkflowRate(address: string, count: number, concurrency: number): Promise<number> {
  const connection = await NativeConnection.connect({ address });
  const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./workflows/trivial'), logger: new DefaultLogger('ERROR') });
  const worker = await Worker.create({ connection, taskQueue: 'bench-trivial', workflowBundle: bundle });
  const running = worker.run();
  const client = new Client({ connection });
  const start = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        await client.workflow.start('trivialWorkflow', { taskQueue: 'bench-trivial', workflowId: `trivial-${i}`, requestEagerStart: true });
      }
    }),
  );
  for (let i = 0; i < count; i++) await client.workflow.getHandle(`trivial-${i}`).result();
  const seconds = (Date.now() - start) / 1000;
  worker.shutdown();
  await running;
  await connection.close();
  return count / seconds;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for processing');
    await new Promise((r) => setTimeout(r, 250));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
