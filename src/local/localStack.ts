import { createHash } from 'node:crypto';
import path from 'node:path';
import { SHOPIFY_ADMIN_BASE_URL_DEFAULT, type Config, type RuntimeConfig } from '../config/config';
import type { Logger } from '../logger';
import { canHostDataDir, PostgresCluster } from './postgresCluster';
import { ensureTemporalCli } from './temporalCli';
import { startLocalShopifySimulator, type LocalShopifySimulator } from './shopifySimulatorProcess';
import { startTemporalDevServer, type TemporalDevServer } from './temporalDevServer';
import { SEARCH_ATTRIBUTE_FLAGS } from '../workflows/searchAttributes';

/** The secret `npm start` verifies webhooks with when none is configured (never in production). */
export const LOCAL_DEV_SHOPIFY_SECRET = 'local-dev-shopify-secret';
const LOCAL_DATABASE = 'b2b_orchestrator';

/** The shop the local Shopify simulator serves when no Shopify is configured. */
// 20,000 products × 5 variants: the 100,000-SKU demo catalog.
export const LOCAL_DEMO_SHOP = { shop: 'demo-wholesale.myshopify.com', accessToken: 'shpat_local_demo', products: 20_000, variantsPerProduct: 5 } as const;

export interface LocalStack {
  config: RuntimeConfig;
  /** What was started here (as opposed to given by the environment). */
  started: { postgres: boolean; temporal: boolean; shopifySimulator: boolean };
  /** The shop to install locally (its access token saved) when the simulator was started. */
  demoShop: { shop: string; accessToken: string } | undefined;
  stop(): Promise<void>;
}

/**
 * Fills in what the environment left out: a PostgreSQL cluster when DATABASE_URL is unset,
 * a Temporal dev server when TEMPORAL_ADDRESS is unset, the Shopify simulator with a demo
 * shop when SHOPIFY_ADMIN_BASE_URL is unset (never in production). Data lives under LOCAL_STACK_DIR,
 * so a restart keeps the shop's rows and the workflow history.
 */
export async function startLocalStack(config: Config, logger: Logger): Promise<LocalStack> {
  const dir = path.resolve(config.local.dir);
  let postgres: PostgresCluster | undefined;
  let temporal: TemporalDevServer | undefined;
  let simulator: LocalShopifySimulator | undefined;
  const stop = async () => {
    await simulator?.stop();
    await temporal?.stop();
    await postgres?.stop();
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      postgres = new PostgresCluster({ dataDir: postgresDataDir(dir, logger), port: config.local.postgresPort });
      logger.info({ port: config.local.postgresPort, dataDir: postgres.dataDir }, 'starting embedded PostgreSQL');
      await postgres.start();
      databaseUrl = await postgres.createDatabase(LOCAL_DATABASE);
    }
    let address = config.temporal.address;
    let uiUrl = config.temporal.uiUrl;
    if (!address) {
      const cliPath = await ensureTemporalCli(config.temporalCliPath, (msg) => logger.info(msg));
      logger.info({ port: config.local.temporalPort }, 'starting the Temporal dev server');
      temporal = await startTemporalDevServer({
        cliPath,
        port: config.local.temporalPort,
        uiPort: config.local.temporalUiPort,
        dbFile: path.join(dir, 'temporal', 'temporal.sqlite'),
        namespace: config.temporal.namespace,
        searchAttributes: SEARCH_ATTRIBUTE_FLAGS,
        logFile: path.join(dir, 'temporal', 'server.log'),
      });
      address = temporal.address;
      uiUrl ??= temporal.uiUrl;
    }
    const shopifyApiSecrets = config.shopifyApiSecrets.length > 0 ? config.shopifyApiSecrets : [LOCAL_DEV_SHOPIFY_SECRET];
    let adminBaseUrl = config.shopify.adminBaseUrl;
    if (!adminBaseUrl && config.env !== 'production') {
      logger.info({ port: config.local.shopifySimPort, shop: LOCAL_DEMO_SHOP.shop }, 'no SHOPIFY_ADMIN_BASE_URL: starting the Shopify simulator');
      simulator = await startLocalShopifySimulator({
        ...LOCAL_DEMO_SHOP,
        port: config.local.shopifySimPort,
        webhookUrl: `http://127.0.0.1:${config.port}/webhooks/shopify`,
        webhookSecret: shopifyApiSecrets[0]!,
        logFile: path.join(dir, 'shopify-simulator.log'),
      });
      adminBaseUrl = simulator.adminBaseUrl;
    }
    return {
      config: {
        ...config,
        databaseUrl,
        shopifyApiSecrets,
        temporal: { ...config.temporal, address, uiUrl },
        shopify: { ...config.shopify, adminBaseUrl: adminBaseUrl ?? SHOPIFY_ADMIN_BASE_URL_DEFAULT },
      },
      started: { postgres: postgres !== undefined, temporal: temporal !== undefined, shopifySimulator: simulator !== undefined },
      demoShop: simulator ? { shop: LOCAL_DEMO_SHOP.shop, accessToken: LOCAL_DEMO_SHOP.accessToken } : undefined,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * `<LOCAL_STACK_DIR>/postgres`, unless PostgreSQL (running as the postgres user because we
 * are root) cannot reach it, e.g. in a clone under /root. Then a folder under /var/tmp,
 * named after the stack folder so each clone keeps its own cluster.
 */
function postgresDataDir(stackDir: string, logger: Logger): string {
  const preferred = path.join(stackDir, 'postgres');
  if (canHostDataDir(preferred)) return preferred;
  const key = createHash('sha256').update(stackDir).digest('hex').slice(0, 12);
  const fallback = path.join('/var/tmp', `b2b-orchestrator-${key}`, 'postgres');
  logger.warn({ preferred, fallback }, 'the postgres user cannot reach the stack folder; keeping PostgreSQL data elsewhere');
  return fallback;
}
