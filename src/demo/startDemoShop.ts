import type { Pool } from 'pg';
import { errorMessage } from '../errors';
import type { Logger } from '../logger';
import { createDemoClient } from './demoClient';
import { writeSampleCartCsv } from './sampleCart';
import { seedDemoShop } from './seedDemoShop';
import { demoTour } from './tour';

export interface DemoShopDeps {
  shop: string;
  /** The local Shopify simulator serving the shop (it sends the companies' webhooks). */
  simulatorUrl: string;
  apiUrl: string;
  adminToken: string | undefined;
  temporalUiUrl: string | undefined;
  pool: Pool;
  logger: Logger;
  /** Prints a line for the person at the terminal (the entry point owns the console). */
  say: (line: string) => void;
}

/**
 * `npm start` without Shopify: seeds the simulated demo shop in the background, once the
 * API and worker are up (the seed goes through them), then prints the guided tour. Never
 * rejects: a failed seed is logged and the service keeps running. A shutdown signal in the
 * middle stops it quietly — the API closing under it is expected then, not a failure.
 */
export function seedDemoShopInBackground(deps: DemoShopDeps): void {
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const started = Date.now();
  const logger = deps.logger.child({ component: 'demo-shop', shop: deps.shop });
  deps.say(`Seeding the demo shop ${deps.shop} in the background (catalog import, companies, rules, approver); the tour follows when it is ready.`);
  const client = createDemoClient({ apiUrl: deps.apiUrl, adminToken: deps.adminToken, simulatorUrl: deps.simulatorUrl });
  seedDemoShop({ client, pool: deps.pool, shop: deps.shop, progress: (step) => logger.info({ step }, 'seeding the demo shop') })
    .then(async (seeded) => {
      const cartCsvPath = await writeSampleCartCsv(seeded.rules.skus);
      if (stopping) return;
      for (const line of demoTour(seeded, { apiUrl: deps.apiUrl, temporalUiUrl: deps.temporalUiUrl, cartCsvPath, seconds: (Date.now() - started) / 1000 })) deps.say(line);
    })
    .catch((err: unknown) => {
      if (!stopping) logger.error({ err: errorMessage(err) }, 'seeding the demo shop failed; the service keeps running (restart to seed again)');
    })
    .finally(() => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    });
}
