/**
 * A worker in its own process, so a test can SIGKILL it mid-activity:
 * `node --import tsx test/helpers/workerProcess.ts` with WORKER_* variables set.
 * Prints "worker ready" once polling.
 */
import { createDb, createPool } from '../../src/db/client';
import { createLogger } from '../../src/logger';
import { startWorker } from '../../src/worker/startWorker';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const pool = createPool(env('WORKER_DATABASE_URL'), { max: 5 });
  const running = await startWorker({
    address: env('WORKER_TEMPORAL_ADDRESS'),
    namespace: 'default',
    taskQueue: env('WORKER_TASK_QUEUE'),
    db: createDb(pool),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    workflowBundlePath: env('WORKER_WORKFLOW_BUNDLE'),
    shopify: { adminBaseUrl: env('WORKER_SHOPIFY_BASE_URL'), apiVersion: '2026-07', requestTimeoutMs: 10_000, maxConcurrencyPerShop: 4 },
    catalog: { maxRejects: 100, segmentBytes: Number(process.env.WORKER_SEGMENT_BYTES ?? 64 * 1024) },
    drafts: { searchSettleMs: 0 },
    relay: { pollIntervalMs: 200, minBackoffMs: 100, maxBackoffMs: 1_000 },
  });
  console.log('worker ready');
  // The Temporal runtime shuts the worker down on SIGTERM; then leave.
  await running.done;
  await running.shutdown();
  await pool.end();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
