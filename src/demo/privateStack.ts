import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { startApi, type RunningApi } from '../api/startApi';
import { DEFAULT_CART_SETTINGS } from '../config/config';
import { createDb, createPool } from '../db/client';
import { runMigrations } from '../db/migrate';
import type { Logger } from '../logger';
import { PostgresCluster } from '../local/postgresCluster';
import { freePort } from '../local/ports';
import { startLocalShopifySimulator, type LocalShopifySimulator } from '../local/shopifySimulatorProcess';
import { ensureTemporalCli } from '../local/temporalCli';
import { startTemporalDevServer, type TemporalDevServer } from '../local/temporalDevServer';
import { createShopRepository } from '../repositories/shopRepository';
import { createTemporalClient } from '../temporal/client';
import { startWorker, type RunningWorker } from '../worker/startWorker';
import { SEARCH_ATTRIBUTE_FLAGS } from '../workflows/searchAttributes';

export interface PrivateStack {
  scratch: string;
  api: RunningApi;
  pool: Pool;
  simulatorUrl: string;
  temporalUiUrl: string;
  adminToken: string;
  /** Stops everything this stack started and removes its scratch folder. */
  stop(): Promise<void>;
}

const ADMIN_TOKEN = 'demo-admin-token';
const VARIANTS_PER_PRODUCT = 5;

/**
 * The whole service on a stack of its own, for `npm run demo` on a fresh clone: PostgreSQL
 * and the Temporal dev server (in-memory) with their data in a temp folder, the Shopify
 * simulator with the shop, the worker and the API in this process, on free loopback ports.
 * Nothing is shared with a running `npm start`.
 */
export async function startPrivateStack(options: { shop: string; accessToken: string; skus: number; logger: Logger; say: (line: string) => void }): Promise<PrivateStack> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'b2b-demo-'));
  // PostgreSQL runs as the postgres user when we are root: it must reach its data folder.
  chmodSync(scratch, 0o755);
  const stoppers: (() => Promise<unknown>)[] = [];
  // Each step bounded: a Ctrl-C in the middle of a query must not leave pool.end() waiting on it forever.
  const stop = async () => {
    for (const s of stoppers.reverse()) await Promise.race([s().catch(() => undefined), new Promise((r) => setTimeout(r, 15_000).unref())]);
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const [apiPort, simPort, temporalPort, uiPort, pgPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    const postgres = new PostgresCluster({ dataDir: path.join(scratch, 'postgres'), port: pgPort });
    const cliPath = await ensureTemporalCli(undefined, options.say);
    const started = await Promise.allSettled([
      postgres.start().then(() => postgres),
      startTemporalDevServer({ cliPath, port: temporalPort, uiPort, dbFile: undefined, namespace: 'default', searchAttributes: SEARCH_ATTRIBUTE_FLAGS, logFile: path.join(scratch, 'temporal.log') }),
      startLocalShopifySimulator({
        port: simPort,
        shop: options.shop,
        accessToken: options.accessToken,
        products: Math.ceil(options.skus / VARIANTS_PER_PRODUCT),
        variantsPerProduct: VARIANTS_PER_PRODUCT,
        webhookUrl: `http://127.0.0.1:${apiPort}/webhooks/shopify`,
        webhookSecret: 'demo-webhook-secret',
        logFile: path.join(scratch, 'shopify-simulator.log'),
      }),
    ]);
    for (const s of started) if (s.status === 'fulfilled') stoppers.push(() => s.value.stop());
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const temporal = (started[1] as PromiseFulfilledResult<TemporalDevServer>).value;
    const simulator = (started[2] as PromiseFulfilledResult<LocalShopifySimulator>).value;

    const databaseUrl = await postgres.createDatabase('b2b_demo');
    await runMigrations(databaseUrl);
    const pool = createPool(databaseUrl, { max: 20 });
    stoppers.push(() => pool.end());
    const db = createDb(pool);
    await createShopRepository(db).saveInstall(options.shop, options.accessToken);
    const taskQueue = 'b2b-demo';
    const temporalClient = createTemporalClient(temporal.address, 'default');
    stoppers.push(() => temporalClient.connection.close());
    const worker: RunningWorker = await startWorker({
      address: temporal.address,
      namespace: 'default',
      taskQueue,
      db,
      logger: options.logger,
      shopify: { adminBaseUrl: simulator.adminBaseUrl, apiVersion: '2026-07', requestTimeoutMs: 60_000, maxConcurrencyPerShop: 4 },
      // The simulator's search index is immediate; Shopify's needs the default settle time.
      drafts: { searchSettleMs: 500 },
    });
    stoppers.push(() => worker.shutdown());
    const api = await startApi({
      config: { port: apiPort, shopifyApiSecrets: ['demo-webhook-secret'], internalAuthSecret: undefined, adminApiToken: ADMIN_TOKEN, webhookMaxBytes: 5 * 1024 * 1024, temporal: { taskQueue, uiUrl: temporal.uiUrl }, carts: DEFAULT_CART_SETTINGS },
      db,
      temporal: temporalClient,
      logger: options.logger,
      host: '127.0.0.1',
    });
    stoppers.push(() => api.close());
    return { scratch, api, pool, simulatorUrl: simulator.url, temporalUiUrl: temporal.uiUrl, adminToken: ADMIN_TOKEN, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
