/**
 * `npm run sim:shopify -- [--port 4010] [--shop demo.myshopify.com --token shpat_demo --plan plus --bucket-size 2000]`
 * Runs the Shopify simulator and prints its URL. Configuration is read here, once.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createLogger } from '../../src/logger';
import { createShopifySimulator } from './createShopifySimulator';
import { PLANS } from './shop/plans';

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4010),
  host: z.string().default('127.0.0.1'),
  shop: z.string().optional(),
  token: z.string().default('shpat_simulator'),
  plan: z.enum(PLANS).default('plus'),
  bucketSize: z.coerce.number().int().min(1).optional(),
  products: z.coerce.number().int().min(0).default(100),
  variants: z.coerce.number().int().min(1).default(5),
  logLevel: z.string().default('info'),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      shop: { type: 'string' },
      token: { type: 'string' },
      plan: { type: 'string' },
      'bucket-size': { type: 'string' },
      products: { type: 'string' },
      variants: { type: 'string' },
      'log-level': { type: 'string' },
    },
  });
  const parsed = argsSchema.safeParse({ ...values, port: values.port ?? process.env.SIM_SHOPIFY_PORT, logLevel: values['log-level'], bucketSize: values['bucket-size'] });
  if (!parsed.success) {
    console.error(`invalid arguments:\n  - ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  - ')}`);
    process.exit(2);
  }
  const args = parsed.data;
  const logger = createLogger(args.logLevel, { component: 'shopify-simulator' });
  const sim = createShopifySimulator({
    logger,
    shops: args.shop ? [{ shop: args.shop, accessToken: args.token, plan: args.plan, bucketSize: args.bucketSize, catalog: { products: args.products, variantsPerProduct: args.variants } }] : [],
  });
  const running = await sim.listen(args.port, args.host);
  console.log(`Shopify simulator listening on ${running.url}`);
  if (args.shop) console.log(`  Admin GraphQL: ${running.url}/${args.shop}/admin/api/2026-07/graphql.json  (X-Shopify-Access-Token: ${args.token})`);
  console.log(`  Admin endpoints: ${running.url}/_sim/…  (see sim/shopify/README.md)`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
