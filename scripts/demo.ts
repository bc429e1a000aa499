/**
 * npm run demo [-- --skus 100000] [--keep]
 *
 * The whole story on a private stack (its own PostgreSQL, Temporal dev server and Shopify
 * simulator on free loopback ports; data in the temp folder, removed at the end): the demo
 * shop seeded as `npm start` seeds it — a catalog import of 100,000 SKUs, two companies by
 * their webhooks, rules, an approver — then a 1,200-line cart split into 3 linked drafts, an
 * approval, the orders, a constraint sync, and a checkout validation by the backend and by
 * the Function on the metafields the sync pushed. Prints what happened with Web UI links;
 * exit 0 when every step did what it should, 1 otherwise, 2 on bad arguments. `--keep`
 * leaves the stack running (links live) until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { cartValidationsGenerateRun } from '../extensions/cart-validation/src';
import { createDemoClient, DemoError } from '../src/demo/demoClient';
import { MIN_DEMO_SKUS } from '../src/demo/demoShop';
import { runDemoStory } from '../src/demo/demoStory';
import { startPrivateStack, type PrivateStack } from '../src/demo/privateStack';
import { errorMessage } from '../src/errors';
import { LOCAL_DEMO_SHOP } from '../src/local/localStack';
import { createLogger } from '../src/logger';
import { installTemporalRuntime } from '../src/observability/temporalRuntime';
import { workflowUrlBuilder } from '../src/temporal/workflowStatus';

const say = (line: string) => console.log(line);
const VARIANTS_PER_PRODUCT = 5;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { skus: { type: 'string', default: '100000' }, keep: { type: 'boolean', default: false } } });
  const skus = Number(values.skus);
  if (!Number.isInteger(skus) || skus < MIN_DEMO_SKUS || skus % VARIANTS_PER_PRODUCT !== 0) {
    console.error(`--skus must be a multiple of ${VARIANTS_PER_PRODUCT} and at least ${MIN_DEMO_SKUS}`);
    return 2;
  }
  const started = Date.now();
  // Errors only: the story's lines are the output (the SDK would log every worker state change).
  const logger = createLogger('error');
  installTemporalRuntime(logger, undefined);
  let stack: PrivateStack | undefined;
  const stopped = new Promise<number>((resolve) => {
    process.once('SIGINT', () => resolve(130));
    process.once('SIGTERM', () => resolve(143));
  });
  try {
    say(`Starting a private stack: PostgreSQL, Temporal dev server, Shopify simulator with ${skus.toLocaleString('en-US')} SKUs …`);
    stack = await startPrivateStack({ shop: LOCAL_DEMO_SHOP.shop, accessToken: LOCAL_DEMO_SHOP.accessToken, skus, logger, say });
    say(`  API ${stack.api.url}   Temporal Web UI ${stack.temporalUiUrl}   Shopify simulator ${stack.simulatorUrl}`);
    say(`  data in ${stack.scratch} (removed at the end)`);
    say('');
    const client = createDemoClient({ apiUrl: stack.api.url, adminToken: stack.adminToken, simulatorUrl: stack.simulatorUrl });
    const story = runDemoStory({ client, pool: stack.pool, shop: LOCAL_DEMO_SHOP.shop, expectedSkus: skus, workflowUrl: workflowUrlBuilder(stack.temporalUiUrl, 'default'), checkout: cartValidationsGenerateRun, say });
    // A Ctrl-C mid-story stops the stack and removes the scratch folder rather than orphaning them.
    const interrupted = await Promise.race([story.then(() => undefined), stopped]);
    if (interrupted !== undefined) return interrupted;
    say('');
    say(`Demo completed in ${Math.round((Date.now() - started) / 1000)} s.`);
    if (values.keep) {
      say(`The stack keeps running (links above are live; admin token ${stack.adminToken}); Ctrl-C stops it.`);
      await stopped;
    } else {
      say('Its private stack is stopped now (links above go dead): npm run demo -- --keep keeps it; npm start serves the same demo shop for good.');
    }
    return 0;
  } catch (err) {
    console.error(`demo failed: ${err instanceof DemoError ? err.message : errorMessage(err)}`);
    return 1;
  } finally {
    await stack?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`demo failed: ${errorMessage(err)}`);
    process.exit(1);
  },
);
