/**
 * npm run bench:catalog [-- --sizes 1000000,5000000 | --variants N] [--runs ours,ceiling,parse,naive] [--pg-log DIR]
 *
 * The catalog import's load path on one Shopify bulk-operation JSONL file (≈ 390 bytes per
 * variant, generated once per size and cached under ~/.cache/b2b-orchestrator/bench-catalog)
 * against three references measured in the same run, on one PostgreSQL 18 cluster started
 * here with durable defaults (fsync on), a fresh database per size:
 *   1. ours, the production code as `npm start` runs it (compiled, from dist/): load
 *      (download over HTTP → lines parsed and checked in a worker thread → typed COPY into
 *      the UNLOGGED staging table), checks (orphans and duplicate SKUs, set-based in
 *      PostgreSQL), merge into an empty catalog; then a re-import of the same file as a new
 *      import (load, checks, merge of an unchanged catalog);
 *   2. COPY ceiling: psql \copy of the same rows pre-converted to typed CSV into a typed
 *      UNLOGGED table shaped like our staging table;
 *   3. parse bound: the file read and every line JSON.parse'd in Node, nothing written;
 *   4. naive: readFileSync, split, JSON.parse into one array, 1,000-row INSERTs (expected to
 *      crash at 5M: the file is longer than V8's maximum string).
 * Every Node run is its own process, so each peak RSS is that process's alone.
 * CPU per row: of the Node process (all its threads) and of the whole PostgreSQL cluster
 * (from /proc, background processes included) during the row's timed span, in µs per line.
 * --pg-log DIR keeps PostgreSQL's log (statements ≥ 500 ms, autovacuum runs, checkpoints)
 * in DIR, to see where the time of a run goes.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import type { MergeStats } from '../src/catalog/merge/mergeCatalog';
import { dropStagingTables, stagingTables } from '../src/catalog/staging/stagingTables';
import { createPool } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { freePort } from '../src/local/ports';
import { PostgresCluster } from '../src/local/postgresCluster';
import { copyFile } from './catalog/ceiling';
import { failureReason, lastJson, runCompiledScript, type ChildRun } from './catalog/child';
import { SHAPE, ensureCatalogFile, type CatalogFile } from './catalog/generate';
import { countLines } from './catalog/lines';
import { serveFile } from './catalog/server';
import { CEILING_TYPED_DDL, REFERENCE_TABLES, naiveDdl } from './catalog/tables';
import { TYPED_COLUMNS, ensureTypedCsv } from './catalog/typedCsv';
import { clusterCpuSeconds, postmasterPid } from './catalog/pgCpu';

const SHOP = 'bench.myshopify.com';
const RUNS = ['ours', 'ceiling', 'parse', 'naive'] as const;
type RunKind = (typeof RUNS)[number];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? String(process.argv[i + 1]) : fallback;
}

/** One row of a size's table. `bytes` is the JSONL's size for every row, so MB/s compare. */
interface Measured {
  name: string;
  seconds?: number;
  lines: number;
  bytes?: number;
  peakRssKb?: number;
  /** CPU seconds of the Node process and of the PostgreSQL cluster in the timed span, when measured. */
  cpu?: { node?: number; pg?: number };
  failure?: string;
}

interface Input {
  file: CatalogFile;
  lines: number;
  dbUrl: string;
  pool: pg.Pool;
  /** The cluster's postmaster, for its CPU time from /proc. */
  postmaster: number | undefined;
}

interface OursReport {
  loadSeconds: number;
  parseSeconds: number;
  mergeSeconds: number;
  load: { bytes: number; lines: number; segments: number };
  parse: { rows: number; rejected: number };
  merge: MergeStats;
  cpu: { loadNode: number; loadPg?: number; parseNode: number; parsePg?: number };
  /** RSS before the import started (Node and the modules loaded). */
  startRssKb: number;
  maxRssKb: number;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => bytes / 1e6;
const rssMb = (kb: number | undefined) => (kb === undefined ? '—' : fmt(kb / 1024));

/** Flushes dirty buffers before a timed run, so no run pays for the previous one's writes. */
async function settle(pool: pg.Pool): Promise<void> {
  await pool.query('CHECKPOINT');
}

async function tableRows(pool: pg.Pool, table: string): Promise<number> {
  return Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
}

/** One import through the production path, in its own process (bench/catalog/runOurs.ts). */
async function importOnce(input: Input, fileUrl: string): Promise<{ report?: OursReport; failure?: string; run: ChildRun }> {
  const importId = randomUUID();
  await input.pool.query(`INSERT INTO catalog_imports (id, shop, workflow_id, trigger, status) VALUES ($1, $2, 'bench', 'bench', 'loading')`, [importId, SHOP]);
  await settle(input.pool);
  const dist = path.join(__dirname, '..', 'dist');
  const run = await runCompiledScript('runOurs.ts', { dbUrl: input.dbUrl, fileUrl, importId, shop: SHOP, exportStartedAt: new Date().toISOString(), postmasterPid: input.postmaster, dist });
  // The workflow closes the import; without that the next one for the shop is refused
  // (one active import per shop). The staging tables go too: they hold GBs.
  const status = run.code === 0 ? 'completed' : 'failed';
  await input.pool.query(`UPDATE catalog_imports SET status = $2, finished_at = now() WHERE id = $1`, [importId, status]);
  await dropStagingTables(input.pool, stagingTables(importId));
  if (run.code !== 0) return { failure: `${failureReason(run)}\n--- stderr of the runner ---\n${run.stderr.trim()}`, run };
  printWarnings(run);
  return { report: lastJson<OursReport>(run), run };
}

/** Warnings of a run that succeeded (e.g. Node's MaxListenersExceededWarning) are findings too. */
function printWarnings(run: ChildRun): void {
  const warnings = [...new Set(run.stderr.split('\n').map((l) => l.replace(/^\(node:\d+\) /, '').trim()).filter(Boolean))];
  if (warnings.length > 0) console.log(`    runner stderr (${warnings.length} distinct lines):\n${warnings.slice(0, 5).map((l) => `      ${l}`).join('\n')}`);
}

const add = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a + b);

async function runOurs(input: Input, fileUrl: string): Promise<{ rows: Measured[]; first?: OursReport; again?: OursReport }> {
  const { lines, file } = input;
  console.log('  ours: import into an empty catalog …');
  const first = await importOnce(input, fileUrl);
  if (!first.report) {
    const failure = first.failure!;
    return { rows: ['ours load', 'ours load+checks', 'ours merge (empty)', 'ours re-import merge (unchanged)'].map((name) => ({ name, lines, failure })) };
  }
  const r = first.report;
  const rows: Measured[] = [
    { name: 'ours load', seconds: r.loadSeconds, lines, bytes: file.bytes, peakRssKb: r.maxRssKb, cpu: { node: r.cpu.loadNode, pg: r.cpu.loadPg } },
    {
      name: 'ours load+checks',
      seconds: r.loadSeconds + r.parseSeconds,
      lines,
      bytes: file.bytes,
      peakRssKb: r.maxRssKb,
      cpu: { node: r.cpu.loadNode + r.cpu.parseNode, pg: add(r.cpu.loadPg, r.cpu.parsePg) },
    },
    { name: 'ours merge (empty)', seconds: r.mergeSeconds, lines, peakRssKb: r.maxRssKb },
  ];
  console.log('  ours: re-import of the same file …');
  const again = await importOnce(input, fileUrl);
  rows.push(
    again.report
      ? { name: 'ours re-import merge (unchanged)', seconds: again.report.mergeSeconds, lines, peakRssKb: again.report.maxRssKb }
      : { name: 'ours re-import merge (unchanged)', lines, failure: again.failure! },
  );
  return { rows, first: r, again: again.report };
}

async function runCeilings(input: Input): Promise<Measured[]> {
  const { pool, dbUrl, file, lines } = input;
  const csv = await ensureTypedCsv(file.path);
  const copy = async (name: string, ddl: string, table: string, target: string, source: string, options: string): Promise<Measured> => {
    console.log(`  ${name} …`);
    await pool.query(ddl);
    await settle(pool);
    const pg0 = clusterCpuSeconds(input.postmaster);
    const run = await copyFile(dbUrl, target, source, options);
    const pg1 = clusterCpuSeconds(input.postmaster);
    const copied = await tableRows(pool, table);
    await pool.query(`DROP TABLE ${table}`);
    if (copied !== lines) throw new Error(`${name}: ${copied} rows copied for ${lines} lines`);
    const via = run.via === 'psql' ? '' : ' [pg-copy-streams: no psql]';
    const pg = pg0 === undefined || pg1 === undefined ? undefined : pg1 - pg0;
    return { name: `${name}${via}`, seconds: run.seconds, lines, bytes: file.bytes, peakRssKb: run.peakRssKb, cpu: { pg } };
  };
  return [
    await copy('COPY ceiling (typed CSV)', CEILING_TYPED_DDL, 'ceiling_typed', `ceiling_typed (${TYPED_COLUMNS.join(', ')})`, csv, '(FORMAT csv)'),
  ];
}

async function runParseBound(input: Input): Promise<Measured> {
  console.log('  parse bound …');
  const run = await runCompiledScript('parseBound.ts', { file: input.file.path });
  if (run.code !== 0) return { name: 'parse bound', lines: input.lines, failure: failureReason(run), peakRssKb: run.sampledPeakKb };
  const result = lastJson<{ seconds: number; lines: number; maxRssKb: number }>(run);
  if (result.lines !== input.lines) throw new Error(`parse bound read ${result.lines} lines of ${input.lines}`);
  return { name: 'parse bound', seconds: result.seconds, lines: input.lines, bytes: input.file.bytes, peakRssKb: result.maxRssKb };
}

async function runNaive(input: Input): Promise<Measured> {
  const { pool, lines } = input;
  console.log('  naive …');
  for (const ddl of naiveDdl()) await pool.query(ddl);
  await settle(pool);
  const run = await runCompiledScript('naive.ts', { file: input.file.path, dbUrl: input.dbUrl });
  const inserted = run.code === 0 ? (await Promise.all(['naive_products', 'naive_metafields', 'naive_variants', 'naive_levels'].map((t) => tableRows(pool, t)))).reduce((a, b) => a + b, 0) : 0;
  await pool.query(`DROP TABLE IF EXISTS ${REFERENCE_TABLES.join(', ')}`);
  if (run.code !== 0) {
    // Its own report died with it: the peak sampled from /proc is a floor.
    return { name: 'naive', lines, failure: `crashed: ${failureReason(run)} (after ${fmt(run.seconds, 1)} s)`, peakRssKb: run.sampledPeakKb };
  }
  if (inserted !== lines) throw new Error(`naive inserted ${inserted} rows for ${lines} lines`);
  const result = lastJson<{ seconds: number; readSeconds: number; parseSeconds: number; insertSeconds: number; maxRssKb: number }>(run);
  console.log(`    (read ${fmt(result.readSeconds, 1)} s, split+parse ${fmt(result.parseSeconds, 1)} s, INSERTs ${fmt(result.insertSeconds, 1)} s)`);
  return { name: 'naive', seconds: result.seconds, lines, bytes: input.file.bytes, peakRssKb: result.maxRssKb };
}

function printTable(rows: Measured[]): void {
  const table = Object.fromEntries(
    rows.map((r) => [
      r.name,
      {
        seconds: r.seconds === undefined ? (r.failure?.startsWith('crashed') ? 'crashed' : 'failed') : fmt(r.seconds, 2),
        'rows/s': r.seconds === undefined ? '—' : fmt(r.lines / r.seconds),
        'MB/s': r.seconds === undefined || r.bytes === undefined ? '—' : fmt(mb(r.bytes) / r.seconds, 1),
        'peak RSS MB': r.failure && r.peakRssKb !== undefined ? `≥ ${rssMb(r.peakRssKb)}` : rssMb(r.peakRssKb),
        'Node CPU µs/row': r.cpu?.node === undefined ? '—' : fmt((r.cpu.node * 1e6) / r.lines, 1),
        'PG CPU µs/row': r.cpu?.pg === undefined ? '—' : fmt((r.cpu.pg * 1e6) / r.lines, 1),
      },
    ]),
  );
  console.table(table);
  // One failure can fail several rows (all of ours): say it once.
  const told = new Set<string>();
  for (const r of rows) {
    if (!r.failure) continue;
    console.log(`${r.name}: ${told.has(r.failure) ? '(the failure above)' : r.failure}`);
    told.add(r.failure);
  }
}

/** A run's throughput over the reference's (same lines, so the inverse ratio of the times). */
function printRatios(rows: Measured[]): void {
  const byName = new Map(rows.map((r) => [r.name.replace(/ \[.*\]$/, ''), r]));
  const pairs: [string, string][] = [
    ['ours load', 'COPY ceiling (typed CSV)'],
    ['ours load+checks', 'COPY ceiling (typed CSV)'],
    ['ours load', 'parse bound'],
    ['ours load+checks', 'parse bound'],
    ['ours load', 'naive'],
    ['ours load+checks', 'naive'],
  ];
  console.log('ratios (throughput of the first ÷ throughput of the second; > 1: the first is faster):');
  for (const [ours, ref] of pairs) {
    const a = byName.get(ours);
    const b = byName.get(ref);
    const label = `  ${ours} / ${ref}:`.padEnd(62);
    if (!a || !b) continue;
    if (a.seconds === undefined || b.seconds === undefined) {
      console.log(`${label} n/a (${a.seconds === undefined ? ours : ref} ${a.seconds === undefined ? a.failure?.split('\n')[0] : b.failure})`);
      continue;
    }
    const ratio = b.seconds / a.seconds;
    console.log(`${label} ${fmt(ratio, 2)}  (${fmt(a.seconds, 2)} s vs ${fmt(b.seconds, 2)} s)`);
  }
}

function describeMerge(label: string, report: OursReport | undefined): void {
  if (!report) return;
  const m = report.merge;
  const t = (s: { staged: number; inserted: number; updated: number; unchanged: number; deleted: number }) =>
    `${fmt(s.staged)} staged/${fmt(s.inserted)} ins/${fmt(s.updated)} upd/${fmt(s.unchanged)} same/${fmt(s.deleted)} del`;
  console.log(`${label}: load ${fmt(report.loadSeconds, 2)} s (${report.load.segments} segments), parse ${fmt(report.parseSeconds, 2)} s (${fmt(report.parse.rows)} rows, ${report.parse.rejected} rejected), merge ${fmt(report.mergeSeconds, 2)} s, peak RSS ${rssMb(report.maxRssKb)} MB (${rssMb(report.startRssKb)} MB before any work)`);
  console.log(`  products ${t(m.products)}; variants ${t(m.variants)}; levels ${t(m.inventoryLevels)}; metafields ${t(m.metafields)}; locations ${m.locations.upserted} upserted`);
  const c = report.cpu;
  const cpuS = (v: number | undefined) => (v === undefined ? '—' : fmt(v, 1));
  console.log(`  CPU s: load Node ${cpuS(c.loadNode)} / PostgreSQL ${cpuS(c.loadPg)}; parse Node ${cpuS(c.parseNode)} / PostgreSQL ${cpuS(c.parsePg)}`);
}

interface SizeResult {
  variants: number;
  first?: OursReport;
  again?: OursReport;
}

async function benchSize(cluster: PostgresCluster, variants: number, runs: Set<RunKind>): Promise<SizeResult> {
  const file = await ensureCatalogFile(variants);
  const lines = await countLines(file.path);
  const products = Math.ceil(variants / SHAPE.variantsPerProduct);
  console.log(`\n=== ${fmt(variants)} variants: ${file.path}, ${fmt(mb(file.bytes))} MB, ${fmt(lines)} lines (${fmt(products)} products, ${fmt(products)} metafields, ${fmt(Math.ceil(variants / SHAPE.stockedEvery))} inventory levels), ${fmt(file.bytes / variants)} bytes per variant`);

  const dbName = `bench_catalog_${variants}`;
  const admin = createPool(cluster.urlFor('postgres'), { max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  const dbUrl = await cluster.createDatabase(dbName);
  await runMigrations(dbUrl);
  const pool = createPool(dbUrl, { max: 2 });
  const server = await serveFile(file.path);
  const input: Input = { file, lines, dbUrl, pool, postmaster: postmasterPid(cluster.dataDir) };
  const rows: Measured[] = [];
  const result: SizeResult = { variants };
  try {
    if (runs.has('ours')) {
      const ours = await runOurs(input, server.url);
      rows.push(...ours.rows);
      result.first = ours.first;
      result.again = ours.again;
    }
    if (runs.has('ceiling')) rows.push(...(await runCeilings(input)));
    if (runs.has('parse')) rows.push(await runParseBound(input));
    if (runs.has('naive')) rows.push(await runNaive(input));
  } finally {
    await server.close();
    await pool.end();
    // Each size gets a fresh database; dropping this one frees its GBs before the next.
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }

  console.log(`\n${fmt(variants)} variants (${fmt(lines)} lines, ${fmt(mb(file.bytes))} MB; rows/s = lines of the file per second, MB/s = MB (10^6 bytes) of the JSONL per second, peak RSS = the process's own, MiB):`);
  printTable(rows);
  printRatios(rows);
  describeMerge('ours, first import', result.first);
  describeMerge('ours, re-import', result.again);
  return result;
}

/** Peak RSS of ours at every size side by side: it must run in bounded memory. */
function printRssComparison(results: SizeResult[]): void {
  const measured = results.filter((r) => r.first);
  if (measured.length === 0) return;
  console.log('\nours, peak RSS of the import process by size (target: ≤ 150 MB, within 10% between sizes):');
  const row = (pick: (r: SizeResult) => OursReport | undefined) =>
    Object.fromEntries(measured.map((r) => [`${fmt(r.variants)} variants`, `${rssMb(pick(r)?.maxRssKb)} MB`]));
  console.table({ 'import into empty catalog': row((r) => r.first), 're-import (unchanged)': row((r) => r.again) });
  // Same kind of import compared across sizes: bounded memory means the size does not show.
  for (const [label, pick] of [
    ['import into empty catalog', (r: SizeResult) => r.first],
    ['re-import', (r: SizeResult) => r.again],
  ] as const) {
    const peaks = measured.map((r) => pick(r)?.maxRssKb).filter((kb): kb is number => kb !== undefined);
    if (peaks.length === 0) continue;
    const max = Math.max(...peaks);
    const min = Math.min(...peaks);
    const spread = (max - min) / min;
    const verdict = max / 1024 <= 150 && spread <= 0.1 ? 'target met' : 'TARGET MISSED';
    console.log(`  ${label}: highest ${rssMb(max)} MB, lowest ${rssMb(min)} MB, spread ${fmt(spread * 100, 1)}% → ${verdict}`);
  }
}

/** Compiles src/ to dist/ (`npm run build`), which the ours runs load (see catalog/runOurs.ts). */
function buildProduction(): void {
  console.log('building dist/ (npm run build) for the ours runs …');
  execFileSync('npm', ['run', '-s', 'build'], { cwd: path.join(__dirname, '..'), stdio: 'inherit' });
}

async function main(): Promise<void> {
  const sizes = process.argv.includes('--variants') ? [Number(arg('variants', '0'))] : arg('sizes', '1000000,5000000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`bad sizes: ${sizes.join(', ')}`);
  const runs = new Set(arg('runs', RUNS.join(',')).split(',') as RunKind[]);
  for (const run of runs) if (!RUNS.includes(run)) throw new Error(`unknown run ${run}; choose from ${RUNS.join(', ')}`);

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-catalog-'));
  chmodSync(scratch, 0o755);
  const pgLog = process.argv.includes('--pg-log') ? path.resolve(arg('pg-log', '')) : undefined;
  // Durable defaults: fsync and synchronous commit on, stock memory settings. Logging
  // settings only when asked; they change what is written to the log, nothing else.
  const logging = { logging_collector: 'on', log_directory: 'log', log_min_duration_statement: '500', log_autovacuum_min_duration: '0', log_checkpoints: 'on' };
  const dataDir = path.join(scratch, 'pg');
  const cluster = new PostgresCluster({ dataDir, port: await freePort(), settings: pgLog ? logging : {} });
  console.log(`bench:catalog — ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL 18 (durable defaults), runs: ${[...runs].join(', ')}`);
  try {
    if (runs.has('ours')) buildProduction();
    await cluster.start();
    const results: SizeResult[] = [];
    for (const variants of sizes) results.push(await benchSize(cluster, variants, runs));
    printRssComparison(results);
  } finally {
    await cluster.stop();
    if (pgLog && existsSync(path.join(dataDir, 'log'))) {
      cpSync(path.join(dataDir, 'log'), pgLog, { recursive: true });
      console.log(`PostgreSQL log in ${pgLog}`);
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
