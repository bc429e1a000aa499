/**
 * `npm run setup` (run before `npm start` and `npm test`): fetches or builds what the
 * project needs beyond npm packages, into caches outside the clone. Idempotent and quick
 * once cached. `--for-tests` (npm test) also makes sure Chromium (the browser test) and
 * Temporal's Java test server (time-skipping tests) are there.
 */
import { ensureChromium } from './chromium';
import { ensureJavaTestServer } from './javaTestServer';
import { ensureTemporalCli } from '../src/local/temporalCli';
import { ensureShopifySchemas } from '../src/shopify/schema/schemaFiles';

async function main(): Promise<void> {
  const cli = await ensureTemporalCli(process.env.TEMPORAL_CLI_PATH || undefined, (m) => console.log(`[setup] ${m}`));
  console.log(`[setup] Temporal CLI: ${cli}`);
  const schemas = ensureShopifySchemas((m) => console.log(`[setup] ${m}`));
  console.log(`[setup] Shopify Admin API and Function schemas: ${schemas}`);
  if (process.argv.includes('--for-tests')) {
    console.log(`[setup] Chromium: ${ensureChromium((m) => console.log(`[setup] ${m}`))}`);
    console.log(`[setup] Temporal Java test server (time skipping): ${await ensureJavaTestServer((m) => console.log(`[setup] ${m}`))}`);
  }
}

main().catch((err) => {
  console.error(`[setup] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
