/**
 * npm run bench:sync [-- --locations 10000 --quotas 5 --plan standard]
 *
 * Constraint → metafield sync of N company locations (each with Q quotas) into the Shopify
 * simulator (its own process, the shop on the plan's throttle, bucket emptied first so the
 * restore rate binds). Side by side in one run:
 *   - first push: wall time vs the throttle-bound minimum for the calls it made (points
 *     charged / restore rate, from the simulator's own accounting);
 *   - a second run with nothing changed: Shopify requests counted by the simulator (target 0);
 *   - orders at 100 locations, then the dirty-only run the order webhooks trigger.
 * The sync runs as the activity the worker runs (MockActivityEnvironment: no Temporal in
 * the measured path, which adds only the workflow's two tasks).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import pino from 'pino';
import { createConstraintSyncActivities, DEFAULT_CONSTRAINT_SYNC_SETTINGS, type ConstraintSyncResult } from '../src/activities/constraintSyncActivities';
import { createDb, createPool } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { stopChild } from '../src/local/childProcess';
import { PostgresCluster } from '../src/local/postgresCluster';
import { freePort } from '../src/local/ports';
import { createConstraintSourceRepository } from '../src/repositories/constraintSourceRepository';
import { createMetafieldSyncStateRepository } from '../src/repositories/metafieldSyncStateRepository';
import { createShopRepository } from '../src/repositories/shopRepository';
import { createAdminClient } from '../src/shopify/client/adminClient';
import { createShopClients } from '../src/shopify/client/shopClients';
import { createMemoryThrottleStore } from '../src/shopify/client/throttleStore';
import { createOperationCostEstimator } from '../src/shopify/cost/operationCost';
import { loadAdminSchema } from '../src/shopify/schema/loadSchema';
import { arg, fmt } from './args';
import { simAdmin, startSimulatorProcess } from './simProcess';

const SHOP = 'bench-wholesale.myshopify.com';
const TOKEN = 'shpat_bench';
const RESTORE: Record<string, number> = { standard: 100, advanced: 200, plus: 1000, enterprise: 2000 };


interface ShopStats {
  requestStats: { requests: number; throttled: number; pointsCharged: number };
}

async function main(): Promise<void> {
  const locations = Number(arg('locations', '10000'));
  const quotas = Number(arg('quotas', '5'));
  const plan = arg('plan', 'standard');
  const restore = RESTORE[plan];
  if (!restore) throw new Error(`unknown plan ${plan}`);

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-sync-'));
  chmodSync(scratch, 0o755);
  const postgres = new PostgresCluster({ dataDir: path.join(scratch, 'pg'), port: await freePort() });
  const sim = await startSimulatorProcess({ shop: SHOP, token: TOKEN, plan, products: 10 });
  try {
    await postgres.start();
    const url = await postgres.createDatabase('bench');
    await runMigrations(url);
    const pool = createPool(url, { max: 10 });
    const db = createDb(pool);
    const shops = createShopRepository(db);
    await shops.saveInstall(SHOP, TOKEN);
    // N locations × Q quotas on variants spread over a 14-digit ID range, as a real shop's.
    await pool.query(
      `INSERT INTO quota_rules (shop, company_location_gid, scope_type, scope_gid, period, max_quantity)
       SELECT $1, 'gid://shopify/CompanyLocation/' || (9000000 + l), 'variant',
              'gid://shopify/ProductVariant/' || (45000000000000 + ((l * 7919 + k * 104729) % 200000) * 37), 'month', 100 + (l + k) % 900
         FROM generate_series(1, $2::int) l CROSS JOIN generate_series(1, $3::int) k
       ON CONFLICT DO NOTHING`,
      [SHOP, locations, quotas],
    );
    const logger = pino({ level: 'error' });
    const admin = createAdminClient(
      { baseUrlTemplate: `${sim.url}/{shop}`, apiVersion: '2026-07', requestTimeoutMs: 60_000, maxConcurrencyPerShop: DEFAULT_CONSTRAINT_SYNC_SETTINGS.concurrency },
      { throttle: createMemoryThrottleStore(), logger, estimateCost: createOperationCostEstimator(loadAdminSchema()) },
    );
    const { syncConstraints } = createConstraintSyncActivities({
      sources: createConstraintSourceRepository(pool),
      state: createMetafieldSyncStateRepository(pool),
      shopify: createShopClients(admin, shops),
      settings: DEFAULT_CONSTRAINT_SYNC_SETTINGS,
      logger,
    });
    const stats = () => simAdmin<ShopStats>(sim.url, 'GET', `/_sim/shops/${SHOP}/state`);
    const run = async (mode: 'full' | 'dirty', emptyBucket: boolean) => {
      if (emptyBucket) await simAdmin(sim.url, 'PUT', `/_sim/shops/${SHOP}/throttle`, { currentlyAvailable: 0 });
      const before = (await stats()).requestStats;
      const started = performance.now();
      const result: ConstraintSyncResult = await new MockActivityEnvironment().run(syncConstraints, { shop: SHOP, mode });
      const seconds = (performance.now() - started) / 1000;
      const after = (await stats()).requestStats;
      return { result, seconds, requests: after.requests - before.requests, points: after.pointsCharged - before.pointsCharged, throttled: after.throttled - before.throttled };
    };

    console.log(`constraint sync: ${locations.toLocaleString('en-US')} company locations × ${quotas} quotas, ${plan} plan (restore ${restore} points/s), bucket emptied before each run`);
    const first = await run('full', true);
    const bound = first.points / restore;
    console.log(
      `first push     ${fmt(first.seconds)} s  vs throttle-bound ${fmt(bound)} s = ${fmt(first.seconds / bound)}×  (${first.result.written.toLocaleString('en-US')} metafields in ${first.requests} calls, ${first.points} points, ${first.throttled} THROTTLED; target ≤ 1.20×)`,
    );
    const quiet = await run('full', false);
    console.log(`nothing changed ${fmt(quiet.seconds)} s, ${quiet.requests} Shopify requests (simulator's count; target 0), ${quiet.result.unchanged.toLocaleString('en-US')} values unchanged`);

    // Orders at 100 locations consume quota; the order writer marks them (as the webhook path does).
    await pool.query(
      `WITH o AS (
         INSERT INTO orders (shop, gid, name, company_location_gid, currency, total_price, line_count, processed_at, shopify_created_at, shopify_updated_at, source_event_at)
         SELECT $1, 'gid://shopify/Order/' || l, '#' || l, 'gid://shopify/CompanyLocation/' || (9000000 + l), 'USD', 10, 1, now(), now(), now(), now()
           FROM generate_series(1, 100) l RETURNING gid, company_location_gid)
       INSERT INTO order_line_items (shop, gid, order_gid, position, variant_gid, title, quantity, price)
       SELECT $1, replace(o.gid, 'Order', 'LineItem'), o.gid, 0, q.scope_gid, 'x', 3, 1
         FROM o JOIN LATERAL (SELECT scope_gid FROM quota_rules r WHERE r.shop = $1 AND r.company_location_gid = o.company_location_gid ORDER BY id LIMIT 1) q ON true`,
      [SHOP],
    );
    await pool.query(`INSERT INTO constraint_sync_dirty (shop, company_location_gid) SELECT $1, 'gid://shopify/CompanyLocation/' || (9000000 + l) FROM generate_series(1, 100) l`, [SHOP]);
    const dirty = await run('dirty', true);
    console.log(
      `orders at 100 locations → dirty run ${fmt(dirty.seconds)} s vs throttle-bound ${fmt(dirty.points / restore)} s: ${dirty.result.written} metafields in ${dirty.requests} calls (${dirty.result.owners} owners computed)`,
    );
    await pool.end();
  } finally {
    await stopChild(sim.child, 5_000);
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
