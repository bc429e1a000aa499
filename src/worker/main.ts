/** The worker process on its own (docker-compose `worker`). */
import { parseConfig, requireEndpoints } from '../config/config';
import { createDb, createPool } from '../db/client';
import { runMigrations } from '../db/migrate';
import { ConfigError, errorMessage } from '../errors';
import { onShutdownSignal } from '../lifecycle';
import { createLogger } from '../logger';
import { startWorker } from './startWorker';
import { installTemporalRuntime } from '../observability/temporalRuntime';

async function main(): Promise<void> {
  const config = requireEndpoints(parseConfig(process.env));
  const logger = createLogger(config.logLevel, { process: 'worker' });
  installTemporalRuntime(logger, config.temporal.metricsAddress);
  await runMigrations(config.databaseUrl);
  const pool = createPool(config.databaseUrl, { max: config.databasePoolSize });
  const worker = await startWorker({
    address: config.temporal.address,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    db: createDb(pool),
    shopify: config.shopify,
    catalog: { maxRejects: config.catalogImport.maxRejects },
    drafts: { maxLinesPerDraft: config.carts.maxLinesPerDraft, completion: config.carts.completion },
    catalogImportSchedule: config.catalogImport.schedule,
    constraintSyncEvery: config.constraintSync.every,
    deadEvents: config.deadEvents,
    logger,
  });
  logger.info({ taskQueue: config.temporal.taskQueue }, 'worker running');
  onShutdownSignal(logger, async () => {
    await worker.shutdown();
    await pool.end();
  });
  await worker.done;
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `worker failed: ${errorMessage(err)}`);
  process.exit(1);
});
