import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startServerProcess, stopChild } from './childProcess';

export interface LocalShopifySimulatorOptions {
  port: number;
  shop: string;
  accessToken: string;
  products: number;
  variantsPerProduct: number;
  /** Where the simulated shop delivers its webhooks (our API), signed with `webhookSecret`. */
  webhookUrl: string;
  webhookSecret: string;
  logFile: string;
}

export interface LocalShopifySimulator {
  /** `SHOPIFY_ADMIN_BASE_URL` for it: `http://127.0.0.1:<port>/{shop}`. */
  adminBaseUrl: string;
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The repository root, from src/local or dist/local alike. */
const projectRoot = path.resolve(__dirname, '..', '..');

/**
 * Runs `sim/shopify` in its own process, as `npm run sim:shopify` does, for `npm start`
 * without Shopify credentials. It is development tooling run from the sources through tsx
 * (a dev dependency), which is why production (NODE_ENV=production) never starts it.
 */
export async function startLocalShopifySimulator(options: LocalShopifySimulatorOptions): Promise<LocalShopifySimulator> {
  const child = await startServerProcess({
    name: 'the Shopify simulator',
    command: process.execPath,
    args: [
      '--import', 'tsx',
      path.join(projectRoot, 'sim', 'shopify', 'main.ts'),
      '--port', String(options.port),
      '--shop', options.shop,
      '--token', options.accessToken,
      '--products', String(options.products),
      '--variants', String(options.variantsPerProduct),
      '--webhook-url', options.webhookUrl,
      '--log-level', 'warn',
    ],
    // The secret goes through the environment, not argv, where `ps` would show it.
    env: { ...process.env, SIM_SHOPIFY_WEBHOOK_SECRET: options.webhookSecret },
    cwd: projectRoot,
    port: options.port,
    logFile: options.logFile,
  });
  const url = `http://127.0.0.1:${options.port}`;
  return { adminBaseUrl: `${url}/{shop}`, url, process: child, stop: () => stopChild(child, 5_000) };
}
