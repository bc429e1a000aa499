/**
 * npm run bench:validate [-- --lines 1000 --connections 20 --duration 15 --warmup 3]
 *
 * `POST /validate/cart` with 1,000-line carts at 20 concurrent connections (autocannon in
 * its own process) against the API alone, on a PostgreSQL 18 cluster started here (durable
 * defaults) holding a 100,000-SKU catalog and one company location's rules for every line:
 * negotiated prices with breaks, quotas with order history, quantity rules, stock in two
 * warehouses, routes, allowed warehouses, credit limit. In the same run, the same server and
 * the same load hit a floor route that parses the cart (body parser + the cart's zod schema)
 * and answers 200 without reading a rule. Prints both side by side with ratios (req/s, p50,
 * p99) and where the CPU went: the API process (Node) vs the PostgreSQL cluster, from /proc.
 */
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
import { adminAuth } from '../src/api/middleware/adminAuth';
import { arg } from './args';
import { postmasterPid } from './catalog/pgCpu';
import { FLOOR_PATH, validateFloorRouter } from './validate/floorRoute';
import { runPhase, type Phase } from './validate/phase';
import { tallyServer } from './validate/serverTally';
import { LOCATION, seed, SHOP } from './validate/seed';

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
  const warmup = Number(arg('warmup', '3'));
  const load0 = os.loadavg();
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
      // The same auth middleware and line limit as the real route, so only the rules differ.
      extraRouters: [validateFloorRouter({ auth: adminAuth(undefined), maxLines: DEFAULT_CART_SETTINGS.maxLines })],
    });
    const body = JSON.stringify({
      shop: SHOP,
      companyLocationId: LOCATION,
      lines: Array.from({ length: lines }, (_, i) => ({ sku: `SKU-${String(i + 1).padStart(6, '0')}`, quantity: 1 + (i % 60) })),
    });
    const bodyFile = path.join(scratch, 'cart.json');
    writeFileSync(bodyFile, body);
    const post = (route: string) => fetch(`${api.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const verdict = (await (await post('/validate/cart')).json()) as { valid: boolean; errors: unknown[] };
    if (!verdict.valid) throw new Error(`the bench cart should be valid: ${JSON.stringify(verdict.errors.slice(0, 3))}`);
    const floorCheck = await post(FLOOR_PATH);
    if (floorCheck.status !== 200) throw new Error(`the floor route answered ${floorCheck.status}: ${await floorCheck.text()}`);

    if (process.argv.includes('--profile')) await profileQueries(pool, body);
    const postmaster = postmasterPid(dataDir);
    const tally = tallyServer(api.server);
    const phase = (route: string, seconds: number) => runPhase({ url: `${api.url}${route}`, bodyFile, connections, duration: seconds, postmaster, tally });
    // Warm both routes (JIT, pool, PostgreSQL's caches) before measuring.
    await phase(FLOOR_PATH, warmup);
    await phase('/validate/cart', warmup);
    const floor = await phase(FLOOR_PATH, duration);
    const ours = await phase('/validate/cart', duration);
    await api.close();
    await pool.end();

    console.log(
      `\nPOST /validate/cart vs floor — ${lines}-line carts (${(body.length / 1024).toFixed(0)} KB), ${connections} connections, ${duration} s each after ${warmup} s warm-up, API alone (${os.cpus().length} cores, Node ${process.version})`,
    );
    console.log(`load average before ${load0.map((l) => l.toFixed(2)).join(' ')}, after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    const perCart = (seconds: number, r: Phase) => ((seconds / (r.served.ok + r.served.failed)) * 1000).toFixed(1);
    const row = (r: Phase) => ({
      'req/s': r.requests.average.toFixed(1),
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      'max ms': r.latency.max,
      requests: r.requests.total,
      failed: r.non2xx + r.errors + r.timeouts,
      'served (failed)': `${r.served.ok + r.served.failed} (${r.served.failed})`,
      'Node CPU ms/cart': perCart(r.cpu.node, r),
      'PG CPU ms/cart': perCart(r.cpu.postgres, r),
      '% in PG': ((r.cpu.postgres / (r.cpu.node + r.cpu.postgres)) * 100).toFixed(0),
    });
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.table({
      'floor (parse + zod, 200)': row(floor),
      'validate/cart (ours)': row(ours),
      'ours / floor': {
        'req/s': ratio(ours.requests.average, floor.requests.average),
        'p50 ms': ratio(ours.latency.p50, floor.latency.p50),
        'p99 ms': ratio(ours.latency.p99, floor.latency.p99),
      },
    });
    const cpuLine = (r: Phase) =>
      `API (Node) ${r.cpu.node.toFixed(1)} s, PostgreSQL ${r.cpu.postgres.toFixed(1)} s → ${((r.cpu.postgres / (r.cpu.node + r.cpu.postgres)) * 100).toFixed(0)}% in PostgreSQL; ${perCart(r.cpu.node + r.cpu.postgres, r)} ms of CPU per cart`;
    console.log(`CPU during ours:  ${cpuLine(ours)}`);
    console.log(`CPU during floor: ${cpuLine(floor)}`);
    // One event loop parses every cart: with `connections` carts in flight, each waits behind the others' parsing.
    const floorMs = Number(perCart(floor.cpu.node, floor));
    console.log(`floor bound: ${floorMs.toFixed(1)} ms of API CPU per cart × ${connections} in flight on one event loop ≈ ${(floorMs * connections).toFixed(0)} ms mean latency, even with a whole core and before any rule is read`);
    console.log(`target p99 < 25 ms: ours ${ours.latency.p99 < 25 ? 'met' : 'MISSED'} (p99 ${ours.latency.p99} ms); floor ${floor.latency.p99 < 25 ? 'under' : 'OVER'} it (p99 ${floor.latency.p99} ms)`);
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
