/**
 * `npm run sim:shopify -- [--port 4010] [--shop demo.myshopify.com --token shpat_demo --plan plus --bucket-size 2000]
 *   [--products 100 --variants 5] [--webhook-url http://127.0.0.1:3000/webhooks/shopify --webhook-secret s]`
 * The webhook secret may come from SIM_SHOPIFY_WEBHOOK_SECRET instead (kept out of `ps`).
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
  webhookUrl: z.string().url().optional(),
  webhookSecret: z.string().min(1).optional(),
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
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
    },
  });
  const parsed = argsSchema.safeParse({ ...values, port: values.port ?? process.env.SIM_SHOPIFY_PORT, logLevel: values['log-level'], bucketSize: values['bucket-size'], webhookUrl: values['webhook-url'], webhookSecret: values['webhook-secret'] ?? process.env.SIM_SHOPIFY_WEBHOOK_SECRET });
  if (!parsed.success) {
    console.error(`invalid arguments:\n  - ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  - ')}`);
    process.exit(2);
  }
  const args = parsed.data;
  const logger = createLogger(args.logLevel, { component: 'shopify-simulator' });
  const sim = createShopifySimulator({
    logger,
    shops: args.shop ? [{ shop: args.shop, accessToken: args.token, plan: args.plan, bucketSize: args.bucketSize, catalog: { products: args.products, variantsPerProduct: args.variants }, webhooks: args.webhookUrl && args.webhookSecret ? { url: args.webhookUrl, secret: args.webhookSecret } : null }] : [],
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
