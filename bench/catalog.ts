/**
 * npm run bench:catalog [-- --sizes 1000000,5000000 | --variants N] [--runs ours,node,ceiling,parse,naive] [--pg-log DIR]
 *
 * The catalog import's load path on one Shopify bulk-operation JSONL file (≈ 390 bytes per
 * variant, generated once per size and cached under ~/.cache/b2b-orchestrator/bench-catalog)
 * against three references measured in the same run, on one PostgreSQL 18 cluster started
 * here with durable defaults (fsync on), a fresh database per size:
 *   1. ours: load (download over HTTP → COPY into the UNLOGGED staging table), parse (in
 *      PostgreSQL, to typed rows), merge into an empty catalog; then a re-import of the same
 *      file as a new import (load, parse, merge of an unchanged catalog);
 *   1b. node-parse (run `node`), the alternative to ours' load+parse: download, lines parsed
 *      and validated in one worker thread, typed CSV rows COPY'd into an UNLOGGED typed
 *      table (bench/catalog/nodeParse.ts); then, timed apart, the set-based checks ours'
 *      parse also does (orphans, duplicate SKUs, index, ANALYZE);
 *   2. COPY ceilings: psql \copy of the same lines into a table shaped like our staging
 *      table, and of the same rows pre-converted to typed CSV into a typed table;
 *   3. parse bound: the file read and every line JSON.parse'd in Node, nothing written;
 *   4. naive: readFileSync, split, JSON.parse into one array, 1,000-row INSERTs (expected to
 *      crash at 5M: the file is longer than V8's maximum string).
 * Every Node run is its own process, so each peak RSS is that process's alone.
 * CPU per row: of the Node process (all its threads) and of the whole PostgreSQL cluster
 * (from /proc, background processes included) during the row's timed span, in µs per line.
 * --pg-log DIR keeps PostgreSQL's log (statements ≥ 500 ms, autovacuum runs, checkpoints)
 * in DIR, to see where the time of a run goes.
 */
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
import { LINES_COPY_OPTIONS, copyFile } from './catalog/ceiling';
import { failureReason, lastJson, runScript, type ChildRun } from './catalog/child';
import { SHAPE, ensureCatalogFile, type CatalogFile } from './catalog/generate';
import { countLines } from './catalog/lines';
import { serveFile } from './catalog/server';
import { CEILING_LINES_DDL, CEILING_TYPED_DDL, NODE_TYPED_DDL, NODE_TYPED_TABLE, REFERENCE_TABLES, naiveDdl } from './catalog/tables';
import { TYPED_COLUMNS, ensureTypedCsv } from './catalog/typedCsv';
import { clusterCpuSeconds, postmasterPid } from './catalog/pgCpu';

const SHOP = 'bench.myshopify.com';
const RUNS = ['ours', 'node', 'ceiling', 'parse', 'naive'] as const;
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
  /** RSS before the import started (Node, tsx, modules loaded). */
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
  const run = await runScript('runOurs.ts', { dbUrl: input.dbUrl, fileUrl, importId, shop: SHOP, exportStartedAt: new Date().toISOString(), postmasterPid: input.postmaster });
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
    return { rows: ['ours load', 'ours load+parse', 'ours merge (empty)', 'ours re-import merge (unchanged)'].map((name) => ({ name, lines, failure })) };
  }
  const r = first.report;
  const rows: Measured[] = [
    { name: 'ours load', seconds: r.loadSeconds, lines, bytes: file.bytes, peakRssKb: r.maxRssKb, cpu: { node: r.cpu.loadNode, pg: r.cpu.loadPg } },
    {
      name: 'ours load+parse',
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

interface NodeParseReport {
  loadSeconds: number;
  checksSeconds: number;
  workerStartSeconds: number;
  bytes: number;
  lines: number;
  rows: number;
  rejected: number;
  checkRejected: number;
  segments: number;
  batches: number;
  cpu: { loadNode: number; loadPg?: number; checksNode: number; checksPg?: number };
  /** Share of the timed load the worker thread's event loop was busy (parsing and formatting). */
  workerBusy: number;
  startRssKb: number;
  maxRssKb: number;
}

const NODE_ROWS = ['node-parse load+parse', 'node-parse load+parse+checks'];

/** The alternative pipeline (bench/catalog/nodeParse.ts), in its own process, into a fresh typed table. */
async function runNodeParse(input: Input, fileUrl: string): Promise<{ rows: Measured[]; report?: NodeParseReport }> {
  const { pool, lines, file } = input;
  console.log('  node-parse (worker thread) …');
  await pool.query(NODE_TYPED_DDL);
  await settle(pool);
  const run = await runScript('nodeParse.ts', { dbUrl: input.dbUrl, fileUrl, table: NODE_TYPED_TABLE, postmasterPid: input.postmaster });
  try {
    if (run.code !== 0) {
      const failure = `${failureReason(run)}\n--- stderr of the runner ---\n${run.stderr.trim()}`;
      return { rows: NODE_ROWS.map((name) => ({ name, lines, failure, peakRssKb: run.sampledPeakKb })) };
    }
    printWarnings(run);
    const r = lastJson<NodeParseReport>(run);
    const counted = (await pool.query<{ n: string; rejects: string }>(`SELECT count(*) AS n, count(reject_reason) AS rejects FROM ${NODE_TYPED_TABLE}`)).rows[0]!;
    if (Number(counted.n) !== lines || r.lines !== lines) throw new Error(`node-parse: ${counted.n} rows stored, ${r.lines} lines read, for ${lines} lines`);
    if (Number(counted.rejects) !== r.rejected + r.checkRejected) throw new Error(`node-parse: ${counted.rejects} rejects stored, ${r.rejected} + ${r.checkRejected} reported`);
    console.log(
      `    (${fmt(r.batches)} batches, ${r.segments} segments, ${fmt(r.rejected)} lines rejected by the worker + ${fmt(r.checkRejected)} by the checks; ` +
        `worker busy ${fmt(r.workerBusy * 100)}% of the load; checks ${fmt(r.checksSeconds, 2)} s; worker started in ${fmt(r.workerStartSeconds, 2)} s, untimed; ` +
        `RSS before any work ${rssMb(r.startRssKb)} MB)`,
    );
    return {
      report: r,
      rows: [
        { name: NODE_ROWS[0]!, seconds: r.loadSeconds, lines, bytes: file.bytes, peakRssKb: r.maxRssKb, cpu: { node: r.cpu.loadNode, pg: r.cpu.loadPg } },
        {
          name: NODE_ROWS[1]!,
          seconds: r.loadSeconds + r.checksSeconds,
          lines,
          bytes: file.bytes,
          peakRssKb: r.maxRssKb,
          cpu: { node: r.cpu.loadNode + r.cpu.checksNode, pg: add(r.cpu.loadPg, r.cpu.checksPg) },
        },
      ],
    };
  } finally {
    await pool.query(`DROP TABLE IF EXISTS ${NODE_TYPED_TABLE}`);
  }
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
    await copy('COPY ceiling (lines)', CEILING_LINES_DDL, 'ceiling_lines', 'ceiling_lines (line)', file.path, LINES_COPY_OPTIONS),
    await copy('COPY ceiling (typed CSV)', CEILING_TYPED_DDL, 'ceiling_typed', `ceiling_typed (${TYPED_COLUMNS.join(', ')})`, csv, '(FORMAT csv)'),
  ];
}

async function runParseBound(input: Input): Promise<Measured> {
  console.log('  parse bound …');
  const run = await runScript('parseBound.ts', { file: input.file.path });
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
  const run = await runScript('naive.ts', { file: input.file.path, dbUrl: input.dbUrl });
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
    ['ours load', 'COPY ceiling (lines)'],
    ['ours load+parse', 'COPY ceiling (typed CSV)'],
    ['ours load', 'parse bound'],
    ['ours load+parse', 'parse bound'],
    ['ours load+parse', 'naive'],
    ['node-parse load+parse', 'COPY ceiling (typed CSV)'],
    ['node-parse load+parse', 'parse bound'],
    ['node-parse load+parse', 'ours load+parse'],
    ['node-parse load+parse+checks', 'ours load+parse'],
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
  printVerdict(byName);
}

/** Which way of getting from the file to typed rows in PostgreSQL won this size, by how much. */
function printVerdict(byName: Map<string, Measured>): void {
  const ours = byName.get('ours load+parse');
  for (const name of NODE_ROWS) {
    const node = byName.get(name);
    if (ours?.seconds === undefined || node?.seconds === undefined) continue;
    const [winner, loser] = node.seconds < ours.seconds ? [node, ours] : [ours, node];
    const cpu = (r: Measured) => {
      const total = add(r.cpu?.node, r.cpu?.pg);
      return total === undefined ? '' : `, ${fmt((total * 1e6) / r.lines, 1)} µs of CPU per line`;
    };
    console.log(
      `  → ${name} vs ours load+parse: ${winner.name} wins, ${fmt(loser.seconds! / winner.seconds!, 2)}× the throughput ` +
        `(${fmt(winner.seconds!, 2)} s${cpu(winner)} vs ${fmt(loser.seconds!, 2)} s${cpu(loser)})`,
    );
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
  node?: NodeParseReport;
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
    if (runs.has('node')) {
      const node = await runNodeParse(input, server.url);
      rows.push(...node.rows);
      result.node = node.report;
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

/** Peak RSS of ours and of node-parse at every size side by side: both must run in bounded memory. */
function printRssComparison(results: SizeResult[]): void {
  printNodeRssComparison(results);
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

function printNodeRssComparison(results: SizeResult[]): void {
  const measured = results.filter((r) => r.node);
  if (measured.length === 0) return;
  console.log('\nnode-parse, peak RSS of its process (main thread + worker thread) by size (target: ≤ 150 MB, within 10% between sizes):');
  console.table({
    'node-parse load+parse+checks': Object.fromEntries(measured.map((r) => [`${fmt(r.variants)} variants`, `${rssMb(r.node!.maxRssKb)} MB`])),
    'before any work': Object.fromEntries(measured.map((r) => [`${fmt(r.variants)} variants`, `${rssMb(r.node!.startRssKb)} MB`])),
  });
  const peaks = measured.map((r) => r.node!.maxRssKb);
  const max = Math.max(...peaks);
  const min = Math.min(...peaks);
  const spread = (max - min) / min;
  const verdict = max / 1024 <= 150 && spread <= 0.1 ? 'target met' : 'TARGET MISSED';
  console.log(`  node-parse: highest ${rssMb(max)} MB, lowest ${rssMb(min)} MB, spread ${fmt(spread * 100, 1)}% → ${verdict}`);
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
