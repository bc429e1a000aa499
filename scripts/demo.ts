/**
 * npm run demo [-- --skus 100000]
 *
 * The whole story on a private stack (its own PostgreSQL, Temporal dev server and Shopify
 * simulator, in the temp folder; removed at the end): a catalog import of 100,000 SKUs, a
 * B2B company location's rules, a 1,200-line cart split into linked draft orders, an
 * approval, the orders, a constraint sync and a checkout validation by the backend and by
 * the Function on the metafields the sync pushed. Prints what happened with Web UI links;
 * exits 0 when every step did what it should, 1 otherwise.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cartValidationsGenerateRun } from '../extensions/cart-validation/src';
import { simAdmin, startSimulatorProcess } from '../bench/simProcess';
import { arg } from '../bench/args';
import { startApi } from '../src/api/startApi';
import { DEFAULT_CART_SETTINGS } from '../src/config/config';
import { createDb, createPool } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { inputAlias } from '../src/domain/constraints/checkoutInput';
import { LOCATION_KEYS } from '../src/domain/constraints/metafieldKeys';
import { stopChild } from '../src/local/childProcess';
import { PostgresCluster } from '../src/local/postgresCluster';
import { freePort } from '../src/local/ports';
import { ensureTemporalCli } from '../src/local/temporalCli';
import { startTemporalDevServer } from '../src/local/temporalDevServer';
import { createLogger } from '../src/logger';
import { createShopRepository } from '../src/repositories/shopRepository';
import { createTemporalClient } from '../src/temporal/client';
import { startWorker } from '../src/worker/startWorker';
import { SEARCH_ATTRIBUTE_FLAGS } from '../src/workflows/searchAttributes';
import { DEMO_LOCATION, seedDemoRules } from '../src/demo/seedDemoRules';

const SHOP = 'demo-wholesale.myshopify.com';
const TOKEN = 'shpat_demo';
const SECRET = 'demo-webhook-secret';
const ADMIN = 'demo-admin-token';
const LOCATION = DEMO_LOCATION;
const VARIANTS_PER_PRODUCT = 5;

const say = (line: string) => console.log(line);
class DemoFailure extends Error {}
// Answers of our own API, read loosely: the demo prints them, the API's tests pin their shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const check = (ok: boolean, what: string) => {
  if (!ok) throw new DemoFailure(what);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new DemoFailure(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

async function main(): Promise<void> {
  const skus = Number(arg('skus', '100000'));
  const started = Date.now();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'b2b-demo-'));
  chmodSync(scratch, 0o755);
  const postgres = new PostgresCluster({ dataDir: path.join(scratch, 'pg'), port: await freePort() });
  const uiPort = await freePort();
  const temporal = await startTemporalDevServer({
    cliPath: await ensureTemporalCli(undefined, say),
    port: await freePort(),
    uiPort,
    dbFile: undefined,
    namespace: 'default',
    logFile: path.join(scratch, 'temporal.log'),
    searchAttributes: SEARCH_ATTRIBUTE_FLAGS,
  });
  const sim = await startSimulatorProcess({ shop: SHOP, token: TOKEN, plan: 'plus', products: Math.ceil(skus / VARIANTS_PER_PRODUCT), variants: VARIANTS_PER_PRODUCT });
  const ui = (workflowId: string) => `http://localhost:${uiPort}/namespaces/default/workflows/${encodeURIComponent(workflowId)}`;
  const logger = createLogger('error');
  const closers: (() => Promise<unknown>)[] = [];
  try {
    await postgres.start();
    const url = await postgres.createDatabase('demo');
    await runMigrations(url);
    const pool = createPool(url, { max: 20 });
    closers.push(() => pool.end());
    const db = createDb(pool);
    await createShopRepository(db).saveInstall(SHOP, TOKEN);
    const taskQueue = 'b2b-demo';
    const client = createTemporalClient(temporal.address, 'default');
    const worker = await startWorker({ address: temporal.address, namespace: 'default', taskQueue, db, logger, shopify: { adminBaseUrl: `${sim.url}/{shop}`, apiVersion: '2026-07', requestTimeoutMs: 60_000, maxConcurrencyPerShop: 4 }, drafts: { searchSettleMs: 500 } });
    closers.unshift(() => worker.shutdown());
    const api = await startApi({
      config: { port: 0, shopifyApiSecrets: [SECRET], internalAuthSecret: undefined, adminApiToken: ADMIN, webhookMaxBytes: 5 * 1024 * 1024, temporal: { taskQueue, uiUrl: `http://localhost:${uiPort}` }, carts: DEFAULT_CART_SETTINGS },
      db,
      temporal: client,
      logger,
      host: '127.0.0.1',
    });
    closers.unshift(() => api.close());
    // The simulated shop signs its webhooks (bulk_operations/finish among them) to our API.
    await simAdmin(sim.url, 'PUT', `/_sim/shops/${SHOP}/webhook-target`, { url: `${api.url}/webhooks/shopify`, secret: SECRET });
    const call = async (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${api.url}${route}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}`, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Json };
    };
    say(`\nB2B orchestrator demo — private stack in ${scratch}\n  API ${api.url}   Temporal Web UI http://localhost:${uiPort}   Shopify simulator ${sim.url}\n`);

    // 1. Catalog import: Bulk Operation → JSONL → COPY → merge.
    const t1 = Date.now();
    const imp = await call('POST', '/imports/catalog', { shop: SHOP });
    check(imp.status === 202, `catalog import refused: ${JSON.stringify(imp.body)}`);
    const done = await until('catalog import', async () => {
      const s = await call('GET', `/imports/${imp.body.importId}`);
      if (s.body.status === 'failed') throw new DemoFailure(`catalog import failed: ${s.body.error}`);
      return s.body.status === 'completed' ? s.body : undefined;
    }, 300_000);
    check(done.lines >= skus, `imported ${done.lines} lines, expected at least ${skus}`);
    const variants = (await pool.query<{ sku: string }>('SELECT sku FROM product_variants WHERE shop = $1 ORDER BY gid LIMIT 1200', [SHOP])).rows;
    const count = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM product_variants WHERE shop = $1', [SHOP])).rows[0]!.n;
    say(`1. catalog import: ${count.toLocaleString('en-US')} SKUs in ${((Date.now() - t1) / 1000).toFixed(1)} s  ${imp.body.workflowUrl}`);

    // 2. The company location's rules, as the ERP integration and company webhooks leave them.
    const rules = await seedDemoRules(pool, SHOP);
    const quotaVariant = { sku: rules.quotaVariant.sku, gid: rules.quotaVariant.gid, product_gid: rules.quotaVariant.productGid };
    const approver = await call('POST', '/approvers', { shop: SHOP, name: 'Dana Demo', companyLocationIds: [LOCATION] });
    check(approver.status === 201, `approver not created: ${JSON.stringify(approver.body)}`);
    say(`2. rules: approval required, negotiated prices on 1,300 SKUs (breaks at 1 and 24), a quota of 40/month on ${quotaVariant.sku}, packs of 6 on ${rules.casePackSku}; approver token shown once: ${approver.body.token}`);

    // 3. A 1,200-line cart → linked draft orders.
    const lines = variants.slice(0, 1_200).map((v, i) => ({ sku: v.sku, quantity: 1 + (i % 30) }));
    const cart = await call('POST', '/carts', { shop: SHOP, companyLocationId: LOCATION, poNumber: 'PO-DEMO-1', shipping: { title: 'LTL freight', price: '480.00' }, lines }, { 'idempotency-key': 'demo-cart-1' });
    check(cart.status === 202, `cart refused: ${JSON.stringify(cart.body)}`);
    const awaiting = await until('drafts created', async () => {
      const s = await call('GET', `/carts/${cart.body.groupId}`);
      if (['failed', 'invalid', 'cancelled', 'expired'].includes(s.body.status)) throw new DemoFailure(`cart ${s.body.status}: ${JSON.stringify(s.body.error ?? s.body.problems)}`);
      return s.body.status === 'awaiting_approval' ? s.body : undefined;
    }, 180_000);
    check(awaiting.drafts.length === 3, `expected 3 drafts, got ${awaiting.drafts.length}`);
    say(`3. cart of 1,200 lines → ${awaiting.drafts.length} linked drafts (${awaiting.drafts.map((d: Json) => `${d.name}: ${d.lineCount} lines`).join(', ')}), total ${awaiting.totals.total}, awaiting approval  ${cart.body.workflowUrl}`);

    // 4. The approver decides; the drafts become orders.
    const decision = await fetch(`${api.url}/carts/${cart.body.groupId}/approve`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${approver.body.token}` }, body: JSON.stringify({ comment: 'approved in the demo' }) });
    check(decision.status === 202, `approval refused: HTTP ${decision.status}`);
    const completed = await until('orders', async () => {
      const s = await call('GET', `/carts/${cart.body.groupId}`);
      if (s.body.status === 'failed') throw new DemoFailure(`cart failed: ${s.body.error}`);
      return s.body.status === 'completed' ? s.body : undefined;
    }, 120_000);
    check(completed.drafts.every((d: Json) => d.orderId), 'a draft did not become an order');
    say(`4. approved → ${completed.drafts.length} orders (${completed.drafts.map((d: Json) => d.orderId).join(', ')})`);

    // 5. Constraint sync → metafields; checkout validation by the backend and by the Function.
    const sync = await call('POST', '/constraints/sync', { shop: SHOP });
    check(sync.status === 202, `sync refused: ${JSON.stringify(sync.body)}`);
    const status = (await client.workflow.getHandle(sync.body.workflowId).result()) as { last: { written: number } };
    const state = await simAdmin<{ metafields: { ownerId: string; key: string; value: string }[] }>(sim.url, 'GET', `/_sim/shops/${SHOP}/state`);
    const owned = (owner: string, key: string) => state.metafields.find((m) => m.ownerId === owner && m.key === key);
    say(`5. constraint sync: ${status.last.written} metafields pushed to Shopify  ${sync.body.workflowUrl}`);
    const location = Object.fromEntries([['id', LOCATION], ...LOCATION_KEYS.map((k) => [inputAlias(k), owned(LOCATION, k) ? { value: owned(LOCATION, k)!.value } : null])]);
    const checkout = (quantity: number) =>
      cartValidationsGenerateRun({
        cart: {
          cost: { subtotalAmount: { amount: '100.00' } },
          buyerIdentity: { purchasingCompany: { location } },
          lines: [{ quantity, merchandise: { id: quotaVariant.gid, rules: null, product: { id: quotaVariant.product_gid, rules: null } } }],
        },
      });
    const backend = async (quantity: number) => (await call('POST', '/validate/cart', { shop: SHOP, companyLocationId: LOCATION, lines: [{ sku: quotaVariant.sku, quantity }] })).body as { valid: boolean; errors: { message: string }[] };
    const [okAtCheckout, overAtCheckout, okBackend, overBackend] = [checkout(40), checkout(41), await backend(40), await backend(41)];
    check(okAtCheckout.operations.length === 0 && okBackend.valid, '40 of the quota item should pass');
    check(overAtCheckout.operations.length === 1 && !overBackend.valid, '41 of the quota item should fail');
    say(`6. checkout validation of ${quotaVariant.sku} (quota 40/month): 40 → valid (backend and Function); 41 → refused`);
    say(`     Function: "${overAtCheckout.operations[0]!.validationAdd.errors[0]!.message}"`);
    say(`     backend:  "${overBackend.errors[0]!.message}"`);
    say(`\ndemo completed in ${((Date.now() - started) / 1000).toFixed(0)} s — workflows: ${ui(cart.body.workflowId)}`);
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    await stopChild(sim.child, 5_000);
    await temporal.stop();
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof DemoFailure ? `demo failed: ${err.message}` : err);
  process.exit(1);
});
