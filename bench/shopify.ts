/**
 * npm run bench:shopify [-- --calls 120 --first 250 --plan plus --bucket 2000 --concurrency 4]
 *
 * N cost-heavy calls (a page of `first` variants: 2 + first points) against the Shopify
 * simulator, running in its own process, compared with the physical limit of the shop's
 * leaky bucket: nothing can finish N calls of cost C faster than (N × C − bucket) /
 * restore rate. Three runs side by side, each against a freshly reset shop:
 *   1. our client, in-memory throttle store (one process);
 *   2. our client, PostgreSQL throttle store (what several worker processes share);
 *   3. a naive baseline: fire with the same concurrency, sleep 1 s on THROTTLED, retry.
 * Prints elapsed time, the theoretical minimum, throughput as a share of it, failed calls
 * and how many THROTTLED answers Shopify gave.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createDb, createPool } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { stopChild } from '../src/local/childProcess';
import { simAdmin, startSimulatorProcess } from './simProcess';
import { PostgresCluster } from '../src/local/postgresCluster';
import { freePort } from '../src/local/ports';
import { createAdminClient } from '../src/shopify/client/adminClient';
import { createPgThrottleStore } from '../src/shopify/client/pgThrottleStore';
import { createMemoryThrottleStore, type ThrottleStore } from '../src/shopify/client/throttleStore';
import { createOperationCostEstimator } from '../src/shopify/cost/operationCost';
import { defineOperation } from '../src/shopify/operations/defineOperation';
import { loadAdminSchema } from '../src/shopify/schema/loadSchema';

const SHOP = 'bench-wholesale.myshopify.com';
const TOKEN = 'shpat_bench';
const RESTORE: Record<string, number> = { standard: 100, advanced: 200, plus: 1000, enterprise: 2000 };

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? String(process.argv[i + 1]) : fallback;
}

const VariantsPage = defineOperation<unknown, { first: number }>(/* GraphQL */ `
  query VariantsPage($first: Int!) {
    productVariants(first: $first) {
      nodes {
        id
        sku
        price
      }
    }
  }
`);

interface RunResult {
  name: string;
  seconds: number;
  ok: number;
  failed: number;
  throttled: number;
}

async function throttledCount(url: string): Promise<number> {
  const state = await simAdmin<{ requestStats: { throttled: number } }>(url, 'GET', `/_sim/shops/${SHOP}/state`);
  return state.requestStats.throttled;
}

/** Runs `calls` tasks with at most `concurrency` at once; counts successes and failures. */
async function pool(calls: number, concurrency: number, task: () => Promise<void>): Promise<{ ok: number; failed: number; firstError?: unknown }> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  let firstError: unknown;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) {
        next++;
        try {
          await task();
          ok++;
        } catch (err) {
          failed++;
          firstError ??= err;
        }
      }
    }),
  );
  return { ok, failed, firstError };
}

async function runClient(name: string, url: string, throttle: ThrottleStore, calls: number, first: number, concurrency: number): Promise<RunResult> {
  await simAdmin(url, 'POST', '/_sim/reset', { shop: SHOP });
  const client = createAdminClient(
    { baseUrlTemplate: `${url}/{shop}`, apiVersion: '2026-07', requestTimeoutMs: 30_000, maxConcurrencyPerShop: concurrency },
    { throttle, logger: pino({ level: 'error' }), estimateCost: createOperationCostEstimator(loadAdminSchema()) },
  ).forShop(SHOP, TOKEN);
  const started = performance.now();
  // The callers may be many; the client's per-shop limit decides how many reach Shopify.
  const result = await pool(calls, concurrency * 4, async () => {
    await client.request(VariantsPage, { first });
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.firstError) console.error(`${name}: first failure:`, result.firstError);
  return { name, seconds, ok: result.ok, failed: result.failed, throttled: await throttledCount(url) };
}

/** What many apps do: send, and on THROTTLED wait a second and send again. */
async function runNaive(url: string, calls: number, first: number, concurrency: number): Promise<RunResult> {
  await simAdmin(url, 'POST', '/_sim/reset', { shop: SHOP });
  const body = JSON.stringify({ query: VariantsPage.document, variables: { first }, operationName: VariantsPage.name });
  const started = performance.now();
  const result = await pool(calls, concurrency, async () => {
    for (let attempt = 1; attempt <= 60; attempt++) {
      const res = await fetch(`${url}/${SHOP}/admin/api/2026-07/graphql.json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': TOKEN }, body });
      const json = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      if (!json.errors?.some((e) => e.extensions?.code === 'THROTTLED')) {
        if (!json.data) throw new Error(JSON.stringify(json.errors));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    throw new Error('still throttled after 60 attempts');
  });
  const seconds = (performance.now() - started) / 1000;
  return { name: 'naive: retry THROTTLED after 1 s', seconds, ok: result.ok, failed: result.failed, throttled: await throttledCount(url) };
}

async function main(): Promise<void> {
  const calls = Number(arg('calls', '120'));
  const first = Number(arg('first', '250'));
  const plan = arg('plan', 'plus');
  const bucket = Number(arg('bucket', '2000'));
  const concurrency = Number(arg('concurrency', '4'));
  const restore = RESTORE[plan];
  if (!restore) throw new Error(`unknown plan ${plan}`);
  const cost = 2 + first;
  const theoretical = Math.max(0, calls * cost - bucket) / restore;

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-shopify-'));
  chmodSync(scratch, 0o755);
  const postgres = new PostgresCluster({ dataDir: path.join(scratch, 'pg'), port: await freePort() });
  const sim = await startSimulatorProcess({ shop: SHOP, token: TOKEN, plan, bucketSize: bucket, products: 200 });
  try {
    await postgres.start();
    const dbUrl = await postgres.createDatabase('bench');
    await runMigrations(dbUrl);
    const pgPool = createPool(dbUrl, { max: 10 });

    console.log(`${calls} calls × ${cost} points, plan ${plan} (restore ${restore}/s), bucket ${bucket}, ${concurrency} in flight per shop`);
    console.log(`physical limit: (${calls} × ${cost} − ${bucket}) / ${restore} = ${theoretical.toFixed(1)} s\n`);
    const results = [
      await runClient('ours, in-memory throttle store', sim.url, createMemoryThrottleStore(), calls, first, concurrency),
      await runClient('ours, PostgreSQL throttle store', sim.url, createPgThrottleStore(createDb(pgPool)), calls, first, concurrency),
      await runNaive(sim.url, calls, first, concurrency),
    ];
    await pgPool.end();

    const rows = results.map((r) => ({
      run: r.name,
      seconds: r.seconds.toFixed(1),
      'calls/s': (r.ok / r.seconds).toFixed(2),
      'share of limit': `${((theoretical / r.seconds) * 100).toFixed(1)}%`,
      failed: r.failed,
      THROTTLED: r.throttled,
    }));
    console.table(rows);
    console.log(`limit: ${(calls / theoretical).toFixed(2)} calls/s`);
  } finally {
    await stopChild(sim.child, 5_000);
    await postgres.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
