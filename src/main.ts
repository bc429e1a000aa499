/**
 * `npm start`: the whole service in one process — API, inbox relay and worker — with its
 * own PostgreSQL and Temporal dev server when DATABASE_URL / TEMPORAL_ADDRESS are unset.
 */
import { startApi } from './api/startApi';
import { parseConfig } from './config/config';
import { createDb, createPool } from './db/client';
import { runMigrations } from './db/migrate';
import { ConfigError, errorMessage } from './errors';
import { LOCAL_DEV_SHOPIFY_SECRET, startLocalStack } from './local/localStack';
import { createLogger } from './logger';
import { createTemporalClient } from './temporal/client';
import { startWorker } from './worker/startWorker';
import { installTemporalRuntime } from './observability/temporalRuntime';
import { onShutdownSignal } from './lifecycle';
import { createShopRepository } from './repositories/shopRepository';
import { seedDemoShopInBackground } from './demo/startDemoShop';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger(config.logLevel);
  // We handle SIGINT/SIGTERM ourselves, to stop the API before the worker.
  installTemporalRuntime(logger, config.temporal.metricsAddress);

  const stack = await startLocalStack(config, logger);
  const runtime = stack.config;
  await runMigrations(runtime.databaseUrl);
  const pool = createPool(runtime.databaseUrl, { max: runtime.databasePoolSize, connectionTimeoutMillis: 2_000 });
  const db = createDb(pool);
  // The simulated demo shop counts as installed: its token is what the client will use.
  if (stack.demoShop) await createShopRepository(db).saveInstall(stack.demoShop.shop, stack.demoShop.accessToken);
  const temporal = createTemporalClient(runtime.temporal.address, runtime.temporal.namespace);
  const worker = await startWorker({
    address: runtime.temporal.address,
    namespace: runtime.temporal.namespace,
    taskQueue: runtime.temporal.taskQueue,
    db,
    shopify: runtime.shopify,
    catalog: { maxRejects: runtime.catalogImport.maxRejects },
    drafts: { maxLinesPerDraft: runtime.carts.maxLinesPerDraft, completion: runtime.carts.completion },
    catalogImportSchedule: runtime.catalogImport.schedule,
    constraintSyncEvery: runtime.constraintSync.every,
    deadEvents: runtime.deadEvents,
    logger: logger.child({ component: 'worker' }),
  });
  const api = await startApi({ config: runtime, db, temporal, logger, host: runtime.host });

  const usingDevSecret = runtime.shopifyApiSecrets.includes(LOCAL_DEV_SHOPIFY_SECRET);
  console.log(
    [
      '',
      'Shopify B2B Orchestrator is running',
      `  API:               ${api.url}   (POST ${api.url}/webhooks/shopify, GET ${api.url}/readyz)`,
      `  Temporal Web UI:   ${runtime.temporal.uiUrl ?? '(not known: set TEMPORAL_UI_URL)'}`,
      `  Temporal:          ${runtime.temporal.address} namespace=${runtime.temporal.namespace} taskQueue=${runtime.temporal.taskQueue}`,
      `  PostgreSQL:        ${stack.started.postgres ? `embedded, data in ${config.local.dir}/postgres` : 'from DATABASE_URL'}`,
      stack.started.shopifySimulator
        ? `  Shopify:           simulator at ${runtime.shopify.adminBaseUrl.replace('/{shop}', '')}, shop ${stack.demoShop?.shop} (sim/shopify/README.md)`
        : `  Shopify:           ${runtime.shopify.adminBaseUrl}`,
      usingDevSecret ? `  Webhook secret:    ${LOCAL_DEV_SHOPIFY_SECRET} (local default; set SHOPIFY_API_SECRET)` : '',
      `  Approvals page:    ${api.url}/approvals      Metrics: ${api.url}/metrics`,
      '  The whole story (import, a 1,200-line cart, approval, checkout validation): npm run demo',
      '  Ctrl-C stops everything.',
      '',
    ]
      .filter(Boolean)
      .join('\n'),
  );

  if (stack.demoShop) {
    // In the background: the service answers at once; the seed prints when it is done.
    seedDemoShopInBackground({ shop: stack.demoShop.shop, simulatorUrl: runtime.shopify.adminBaseUrl.replace('/{shop}', ''), apiUrl: api.url, adminToken: runtime.adminApiToken, temporalUiUrl: runtime.temporal.uiUrl, pool, logger, say: (line) => console.log(line) });
  }

  onShutdownSignal(logger, async () => {
    await api.close();
    await worker.shutdown();
    await temporal.connection.close();
    await pool.end();
    await stack.stop();
  });
  await worker.done;
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `failed to start: ${errorMessage(err)}`);
  process.exit(1);
});
