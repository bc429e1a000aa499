/**
 * npm run bench:drafts [-- --sizes 1000,5000,10000 --plan standard]
 *
 * Oversized carts end to end: `POST /carts` → draftOrderWorkflow → linked drafts created,
 * linked and completed in the Shopify simulator (its own process, the shop on the given
 * plan's throttle) → workflow result. Per cart, in the same run:
 *   - ours: wall time from the POST to the workflow's result;
 *   - the throttle-bound minimum for the calls made: (points charged − bucket available at
 *     the start) / restore rate, from the simulator's own accounting. Each size runs twice:
 *     with a full bucket (mutations cost ~10 points whatever their size, so the bucket
 *     covers a whole cart and nothing binds) and with an empty one (another app drained it),
 *     where the restore rate binds and the ratio to the bound is the figure that matters;
 *   - a direct baseline: the same drafts created and completed straight through the Admin
 *     client (same concurrency, no workflow, no PostgreSQL), i.e. what the calls alone cost
 *     on this machine;
 * and the split engine's time for 10,000 lines (median of 200 runs) beside a plain bin-pack
 * (fixed-size chunks, no grouping).
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { runBulk } from '../sim/shopify/testing/bulk';
import type { Harness } from '../sim/shopify/testing/harness';
import { startApi } from '../src/api/startApi';
import { mergeCatalog } from '../src/catalog/merge/mergeCatalog';
import { loadBulkFile } from '../src/catalog/staging/loadBulkFile';
import { parseStagedLines } from '../src/catalog/staging/parseStagedLines';
import { DEFAULT_CART_SETTINGS } from '../src/config/config';
import { createDb, createPool } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { draftOrderInput } from '../src/domain/carts/draftInput';
import { planSplit } from '../src/domain/carts/splitPlan';
import { parseMoney } from '../src/domain/money/decimal';
import { stopChild } from '../src/local/childProcess';
import { arg, fmt } from './args';
import { simAdmin, startSimulatorProcess } from './simProcess';
import { PostgresCluster } from '../src/local/postgresCluster';
import { freePort } from '../src/local/ports';
import { ensureTemporalCli } from '../src/local/temporalCli';
import { startTemporalDevServer } from '../src/local/temporalDevServer';
import { createLogger } from '../src/logger';
import { createShopRepository } from '../src/repositories/shopRepository';
import { CATALOG_EXPORT_QUERY } from '../src/shopify/bulk/catalogExportQuery';
import { createAdminClient } from '../src/shopify/client/adminClient';
import { createMemoryThrottleStore } from '../src/shopify/client/throttleStore';
import { createOperationCostEstimator } from '../src/shopify/cost/operationCost';
import { AdminOperations } from '../src/shopify/operations';
import { loadAdminSchema } from '../src/shopify/schema/loadSchema';
import { createTemporalClient } from '../src/temporal/client';
import { startWorker } from '../src/worker/startWorker';
import type { DraftOrderWorkflowResult } from '../src/workflows/draftOrderWorkflow';

const SHOP = 'bench-wholesale.myshopify.com';
const TOKEN = 'shpat_bench';
const LOCATION = 'gid://shopify/CompanyLocation/1';
const RESTORE: Record<string, number> = { standard: 100, advanced: 200, plus: 1000, enterprise: 2000 };
const CONCURRENCY = 4;


interface ShopStats {
  requestStats: { requests: number; throttled: number; pointsCharged: number };
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** Sets the shop's bucket for the next cart: full, or empty (another app just drained it). */
async function setBucket(url: string, full: boolean): Promise<void> {
  const state = await simAdmin<ShopStats>(url, 'GET', `/_sim/shops/${SHOP}/state`);
  await simAdmin(url, 'PUT', `/_sim/shops/${SHOP}/throttle`, { currentlyAvailable: full ? state.throttleStatus.maximumAvailable : 0 });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function splitEngineTimes(): { ours: number; binPack: number } {
  const locations = ['gid://shopify/Location/1', 'gid://shopify/Location/2', 'gid://shopify/Location/3', null];
  const assignments = Array.from({ length: 10_000 }, (_, i) => locations[(i * 7919) % locations.length]!);
  const time = (f: () => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      f();
      samples.push(performance.now() - t);
    }
    return median(samples);
  };
  const binPack = () => {
    const chunks: number[][] = [];
    for (let i = 0; i < assignments.length; i += 499) chunks.push(Array.from({ length: Math.min(499, assignments.length - i) }, (_, k) => i + k));
    return chunks;
  };
  return { ours: time(() => planSplit(assignments, 499)), binPack: time(binPack) };
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '1000,5000,10000').split(',').map(Number);
  const plan = arg('plan', 'standard');
  const restore = RESTORE[plan];
  if (!restore) throw new Error(`unknown plan ${plan}`);
  const products = Math.ceil(Math.max(...sizes) / 5);

  const split = splitEngineTimes();
  console.log(`split engine, 10,000 lines over 4 warehouse groups: ${fmt(split.ours, 3)} ms median (plain bin-pack without grouping: ${fmt(split.binPack, 3)} ms); target < 10 ms`);

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-drafts-'));
  chmodSync(scratch, 0o755);
  const postgres = new PostgresCluster({ dataDir: path.join(scratch, 'pg'), port: await freePort() });
  const temporal = await startTemporalDevServer({
    cliPath: await ensureTemporalCli(undefined, console.log),
    port: await freePort(),
    uiPort: await freePort(),
    dbFile: undefined,
    namespace: 'default',
    logFile: path.join(scratch, 'temporal.log'),
  });
  const sim = await startSimulatorProcess({ shop: SHOP, token: TOKEN, plan, products });
  const logger = createLogger('warn');
  try {
    await postgres.start();
    const url = await postgres.createDatabase('bench');
    await runMigrations(url);
    const pool = createPool(url, { max: 20 });
    const db = createDb(pool);
    await createShopRepository(db).saveInstall(SHOP, TOKEN);

    // The catalog through the real import path.
    const h = {
      gql: async (query: string, variables?: Record<string, unknown>) => {
        const res = await fetch(`${sim.url}/${SHOP}/admin/api/2026-07/graphql.json`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-shopify-access-token': TOKEN },
          body: JSON.stringify({ query, variables }),
        });
        return { status: res.status, body: await res.json(), headers: res.headers };
      },
    } as unknown as Harness;
    const { op } = await runBulk(h, CATALOG_EXPORT_QUERY);
    const importId = randomUUID();
    await pool.query(`INSERT INTO catalog_imports (id, shop, workflow_id, trigger, status) VALUES ($1, $2, 'bench', 'bench', 'loading')`, [importId, SHOP]);
    await loadBulkFile({ pool, importId, url: op.url });
    await parseStagedLines(pool, importId, { maxRejects: 0 });
    await mergeCatalog(pool, { importId, shop: SHOP, exportStartedAt: new Date(op.createdAt) });
    await pool.query(`UPDATE catalog_imports SET status = 'completed' WHERE id = $1`, [importId]);
    const variants = (await pool.query<{ sku: string; gid: string; price: string }>(`SELECT sku, gid, price::text AS price FROM product_variants WHERE shop = $1 ORDER BY gid`, [SHOP])).rows;
    // Negotiated prices on every other variant, so half the lines carry a FIXED_AMOUNT discount.
    await pool.query(
      `INSERT INTO negotiated_prices (shop, company_location_gid, variant_gid, min_quantity, price)
       SELECT $1, $2, gid, 1, price * 0.9 FROM product_variants WHERE shop = $1 AND right(gid, 1) IN ('0', '2', '4', '6', '8')`,
      [SHOP, LOCATION],
    );

    const taskQueue = 'bench-drafts';
    const client = createTemporalClient(temporal.address, 'default');
    const worker = await startWorker({
      address: temporal.address,
      namespace: 'default',
      taskQueue,
      db,
      logger,
      shopify: { adminBaseUrl: `${sim.url}/{shop}`, apiVersion: '2026-07', requestTimeoutMs: 60_000, maxConcurrencyPerShop: CONCURRENCY },
      relay: false,
    });
    const api = await startApi({
      config: { port: 0, shopifyApiSecrets: ['bench'], internalAuthSecret: undefined, adminApiToken: undefined, webhookMaxBytes: 5 * 1024 * 1024, temporal: { taskQueue }, carts: DEFAULT_CART_SETTINGS },
      db,
      temporal: client,
      logger,
      host: '127.0.0.1',
    });
    const direct = createAdminClient(
      { baseUrlTemplate: `${sim.url}/{shop}`, apiVersion: '2026-07', requestTimeoutMs: 60_000, maxConcurrencyPerShop: CONCURRENCY },
      { throttle: createMemoryThrottleStore(), logger: pino({ level: 'error' }), estimateCost: createOperationCostEstimator(loadAdminSchema()) },
    ).forShop(SHOP, TOKEN);

    const rows: Record<string, Record<string, string | number>> = {};
    for (const [size, full] of sizes.flatMap((n) => [[n, true], [n, false]] as const)) {
      if (size > variants.length) throw new Error(`${size} lines need ${size} SKUs; the catalog has ${variants.length}`);
      await setBucket(sim.url, full);
      const before = await simAdmin<ShopStats>(sim.url, 'GET', `/_sim/shops/${SHOP}/state`);
      const started = performance.now();
      const res = await fetch(`${api.url}/carts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ shop: SHOP, companyLocationId: LOCATION, poNumber: `PO-${size}`, shipping: { title: 'Freight', price: '250.00' }, lines: variants.slice(0, size).map((v, i) => ({ sku: v.sku, quantity: 1 + (i % 24) })) }),
      });
      const { groupId } = (await res.json()) as { groupId: string };
      const result = (await client.workflow.getHandle(`cart-${groupId}`).result()) as DraftOrderWorkflowResult;
      const seconds = (performance.now() - started) / 1000;
      if (result.status !== 'completed') throw new Error(`cart of ${size} lines ended ${result.status}: ${result.error}`);
      const after = await simAdmin<ShopStats>(sim.url, 'GET', `/_sim/shops/${SHOP}/state`);
      const charged = after.requestStats.pointsCharged - before.requestStats.pointsCharged;
      const requests = after.requestStats.requests - before.requestStats.requests;
      const throttled = after.requestStats.throttled - before.requestStats.throttled;
      const bound = Math.max(0, charged - before.throttleStatus.currentlyAvailable) / restore;

      // Baseline: the same drafts straight through the client, CONCURRENCY at a time.
      const lines = (await pool.query<{ draft_index: number; variant_gid: string; quantity: number; discount_per_unit: string }>(
        `SELECT draft_index, variant_gid, quantity, discount_per_unit::text FROM cart_lines WHERE group_id = $1 ORDER BY line_no`,
        [groupId],
      )).rows;
      const count = result.drafts.length;
      await setBucket(sim.url, full);
      const baseStarted = performance.now();
      const ids: string[] = [];
      for (let i = 0; i < count; i += CONCURRENCY) {
        const batch = Array.from({ length: Math.min(CONCURRENCY, count - i) }, (_, k) => i + k);
        ids.push(
          ...(await Promise.all(
            batch.map(async (index) => {
              const input = draftOrderInput({
                groupId: randomUUID(),
                index,
                count,
                currencyCode: 'USD',
                poNumber: `BASE-${size}`,
                note: null,
                email: null,
                shippingAddress: null,
                shipping: { title: 'Freight', price: parseMoney('250') },
                lines: lines.filter((l) => l.draft_index === index).map((l) => ({ variantGid: l.variant_gid, quantity: l.quantity, discountPerUnit: parseMoney(l.discount_per_unit) })),
              });
              const { data } = await direct.request(AdminOperations.draftOrderCreate, { input });
              return data.draftOrderCreate!.draftOrder!.id;
            }),
          )),
        );
      }
      for (const id of ids) await direct.request(AdminOperations.draftOrderComplete, { id, paymentPending: true });
      const baseline = (performance.now() - baseStarted) / 1000;

      rows[`${size.toLocaleString('en-US')} lines, bucket ${full ? 'full' : 'empty'}`] = {
        drafts: count,
        'ours s': fmt(seconds),
        'requests': requests,
        'THROTTLED': throttled,
        'points charged': charged,
        'throttle-bound min s': fmt(bound),
        'ours / bound': bound > 0 ? fmt(seconds / bound) : 'bucket suffices',
        'direct calls s': fmt(baseline),
        'ours / direct': fmt(seconds / baseline),
      };
    }
    console.log(`\nplan ${plan}: restore ${restore} points/s, bucket ${(await simAdmin<ShopStats>(sim.url, 'GET', `/_sim/shops/${SHOP}/state`)).throttleStatus.maximumAvailable} points; ${CONCURRENCY} Shopify calls in flight per shop`);
    console.table(rows);
    await api.close();
    await worker.shutdown();
    await pool.end();
  } finally {
    await stopChild(sim.child, 5_000);
    await temporal.stop();
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
