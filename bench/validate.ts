/**
 * npm run bench:validate [-- --lines 1000 --connections 20 --duration 15]
 *
 * `POST /validate/cart` with 1,000-line carts at 20 concurrent connections (autocannon in
 * its own process) against the API alone, on a PostgreSQL 18 cluster started here (durable
 * defaults) holding a 100,000-SKU catalog and one company location's rules for every line:
 * negotiated prices with breaks, quotas with order history, quantity rules, stock in two
 * warehouses, routes, allowed warehouses, credit limit. Prints p50/p99 latency, req/s, and
 * where the CPU went: the API process (Node) vs the PostgreSQL cluster, from /proc.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startApi } from '../src/api/startApi';
import { DEFAULT_CART_SETTINGS } from '../src/config/config';
import { createDb, createPool } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { PostgresCluster } from '../src/local/postgresCluster';
import { freePort } from '../src/local/ports';
import { createLogger } from '../src/logger';
import { createRulesRepository } from '../src/repositories/rulesRepository';
import { clusterCpuSeconds, postmasterPid, processCpuSeconds } from './catalog/pgCpu';

const SHOP = 'bench-wholesale.myshopify.com';
const LOCATION = 'gid://shopify/CompanyLocation/1';
const W1 = 'gid://shopify/Location/1';
const W2 = 'gid://shopify/Location/2';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? String(process.argv[i + 1]) : fallback;
};

/** A 100,000-SKU catalog and the company location's rules for the first `lines` SKUs. */
async function seed(pool: ReturnType<typeof createPool>, lines: number): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => pool.query(sql, params);
  await q(`INSERT INTO products (shop, gid, title, status, shopify_updated_at, source_event_at)
           SELECT $1, 'gid://shopify/Product/' || p, 'Product ' || p, 'ACTIVE', now(), now() FROM generate_series(1, 20000) p`, [SHOP]);
  await q(`INSERT INTO product_variants (shop, gid, product_gid, sku, price, inventory_item_gid, shopify_updated_at, source_event_at)
           SELECT $1, 'gid://shopify/ProductVariant/' || v, 'gid://shopify/Product/' || ((v - 1) / 5 + 1), 'SKU-' || lpad(v::text, 6, '0'),
                  10 + (v % 90), 'gid://shopify/InventoryItem/' || v, now(), now() FROM generate_series(1, 100000) v`, [SHOP]);
  await q(`INSERT INTO inventory_levels (shop, inventory_item_gid, location_gid, available, shopify_updated_at, source_event_at)
           SELECT $1, 'gid://shopify/InventoryItem/' || v, l, 500, now(), now() FROM generate_series(1, 100000) v, unnest($2::text[]) l`, [SHOP, [W1, W2]]);
  await q(`INSERT INTO warehouse_routes (shop, country_code, location_gids) VALUES ($1, 'US', $2)`, [SHOP, [W1, W2]]);
  await q(`INSERT INTO company_locations (shop, gid, name, country_code, shopify_updated_at, source_event_at) VALUES ($1, $2, 'Bench HQ', 'US', now(), now())`, [SHOP, LOCATION]);
  await q(`INSERT INTO company_location_settings (shop, company_location_gid, credit_limit, open_balance, allowed_location_gids) VALUES ($1, $2, 100000000, 1000, $3)`, [SHOP, LOCATION, [W1, W2]]);
  await q(`INSERT INTO negotiated_prices (shop, company_location_gid, variant_gid, min_quantity, price)
           SELECT $1, $2, 'gid://shopify/ProductVariant/' || v, b, 9 - b / 10.0 FROM generate_series(1, $3::int) v, unnest('{1,10,50}'::int[]) b`, [SHOP, LOCATION, lines]);
  await q(`INSERT INTO quota_rules (shop, company_location_gid, scope_type, scope_gid, period, max_quantity)
           SELECT $1, $2, 'variant', 'gid://shopify/ProductVariant/' || v, 'month', 1000 FROM generate_series(1, $3::int) v`, [SHOP, LOCATION, lines]);
  await q(`INSERT INTO quantity_rules (shop, company_location_gid, scope_type, scope_gid, min_quantity, max_quantity, increment)
           SELECT $1, NULL, 'product', 'gid://shopify/Product/' || p, 1, 500, 1 FROM generate_series(1, $2::int / 5) p`, [SHOP, lines]);
  // Order history this month: 50 orders of 100 lines over the cart's SKUs, feeding the quotas.
  await q(`INSERT INTO orders (shop, gid, name, company_location_gid, currency, total_price, line_count, processed_at, shopify_created_at, shopify_updated_at, source_event_at)
           SELECT $1, 'gid://shopify/Order/' || o, '#' || o, $2, 'USD', 100, 100, now(), now(), now(), now() FROM generate_series(1, 50) o`, [SHOP, LOCATION]);
  await q(`INSERT INTO order_line_items (shop, gid, order_gid, position, variant_gid, product_gid, title, quantity, price)
           SELECT $1, 'gid://shopify/LineItem/' || (o * 1000 + i), 'gid://shopify/Order/' || o, i,
                  'gid://shopify/ProductVariant/' || (((o * 100 + i) % $2::int) + 1), NULL, 'x', 2, 9
             FROM generate_series(1, 50) o, generate_series(0, 99) i`, [SHOP, lines]);
  await q('ANALYZE');
}

/** --profile: each of the loader's statements once, timed, to see where a cart's time goes. */
async function profileQueries(pool: ReturnType<typeof createPool>, body: string): Promise<void> {
  const rules = createRulesRepository(pool);
  const cart = JSON.parse(body) as { lines: { sku: string }[] };
  const skus = cart.lines.map((l) => l.sku);
  const time = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await f();
    console.log(`  ${name.padEnd(26)} ${(performance.now() - t).toFixed(1)} ms`);
    return out;
  };
  const catalog = await time('catalogLines', () => rules.catalogLines(SHOP, skus, []));
  const variants = catalog.map((v) => v.variantGid);
  const products = [...new Set(catalog.map((v) => v.productGid))];
  await time('negotiatedPrices', () => rules.negotiatedPrices(SHOP, LOCATION, variants));
  await time('stock', () => rules.stock(SHOP, catalog.map((v) => v.inventoryItemGid!)));
  await time('quantityRules', () => rules.quantityRules(SHOP, LOCATION, [...variants, ...products]));
  await time('quotas', () => rules.quotas(SHOP, LOCATION, [...variants, ...products]));
  await time('negotiatedPriceRequired', () => rules.negotiatedPriceRequired(SHOP, products));
}

async function main(): Promise<void> {
  const lines = Number(arg('lines', '1000'));
  const connections = Number(arg('connections', '20'));
  const duration = Number(arg('duration', '15'));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-validate-'));
  chmodSync(scratch, 0o755);
  const dataDir = path.join(scratch, 'pg');
  // --explain: PostgreSQL logs the plan of every statement over 5 ms (auto_explain) into scratch/pg/log.
  const explain: Record<string, string> = process.argv.includes('--explain')
    ? { logging_collector: 'on', log_directory: 'log', shared_preload_libraries: 'auto_explain', 'auto_explain.log_min_duration': '5', 'auto_explain.log_analyze': 'on' }
    : {};
  const postgres = new PostgresCluster({ dataDir, port: await freePort(), settings: explain });
  try {
    await postgres.start();
    const url = await postgres.createDatabase('bench');
    await runMigrations(url);
    const pool = createPool(url, { max: 20 });
    await seed(pool, lines);
    // No workflow is started by this route; the client is never connected.
    const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const api = await startApi({
      config: { port: 0, shopifyApiSecrets: ['bench'], internalAuthSecret: undefined, adminApiToken: undefined, webhookMaxBytes: 5 * 1024 * 1024, temporal: { taskQueue: 'bench' }, carts: DEFAULT_CART_SETTINGS },
      db: createDb(pool),
      temporal,
      logger: createLogger('warn'),
      host: '127.0.0.1',
    });
    const body = JSON.stringify({
      shop: SHOP,
      companyLocationId: LOCATION,
      lines: Array.from({ length: lines }, (_, i) => ({ sku: `SKU-${String(i + 1).padStart(6, '0')}`, quantity: 1 + (i % 60) })),
    });
    const bodyFile = path.join(scratch, 'cart.json');
    writeFileSync(bodyFile, body);
    const check = await fetch(`${api.url}/validate/cart`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const verdict = (await check.json()) as { valid: boolean; errors: unknown[] };
    if (!verdict.valid) throw new Error(`the bench cart should be valid: ${JSON.stringify(verdict.errors.slice(0, 3))}`);

    if (process.argv.includes('--profile')) await profileQueries(pool, body);
    const postmaster = postmasterPid(dataDir);
    const pg0 = clusterCpuSeconds(postmaster);
    const node0 = processCpuSeconds();
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        path.join(__dirname, '..', 'node_modules', '.bin', 'autocannon'),
        ['-c', String(connections), '-d', String(duration), '-m', 'POST', '-H', 'content-type=application/json', '-i', bodyFile, '-j', `${api.url}/validate/cart`],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`autocannon exited with ${code}`))));
    });
    const pgCpu = (clusterCpuSeconds(postmaster) ?? 0) - (pg0 ?? 0);
    const nodeCpu = processCpuSeconds() - node0;
    const r = JSON.parse(out) as { requests: { average: number; total: number }; latency: { p50: number; p99: number; p999: number; max: number }; non2xx: number; errors: number };
    console.log(`POST /validate/cart — ${lines}-line carts (${(body.length / 1024).toFixed(0)} KB), ${connections} connections, ${duration} s, API alone (${os.cpus().length} cores, Node ${process.version})`);
    console.table({
      'validate/cart': {
        'req/s': r.requests.average.toFixed(1),
        'p50 ms': r.latency.p50,
        'p99 ms': r.latency.p99,
        'max ms': r.latency.max,
        requests: r.requests.total,
        'non-2xx': r.non2xx,
        errors: r.errors,
      },
    });
    const total = pgCpu + nodeCpu;
    console.log(`CPU during the run: API (Node) ${nodeCpu.toFixed(1)} s, PostgreSQL ${pgCpu.toFixed(1)} s → ${((pgCpu / total) * 100).toFixed(0)}% in PostgreSQL; ${((total / r.requests.total) * 1000).toFixed(1)} ms of CPU per cart`);
    console.log(`target p99 < 25 ms: ${r.latency.p99 < 25 ? 'met' : 'MISSED'}`);
    await api.close();
    await pool.end();
  } finally {
    await postgres.stop();
    if (process.argv.includes('--explain')) console.log(`plans in ${path.join(dataDir, 'log')}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
