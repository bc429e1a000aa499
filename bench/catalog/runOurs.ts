/**
 * One catalog import through the production path, in its own process so its peak RSS is
 * the import's own: download → parser worker → typed COPY into staging, checks in
 * PostgreSQL, merge into the catalog. The production modules come compiled from dist/ (the
 * bench builds it first) and this script runs as plain JavaScript (child.ts's
 * runCompiledScript), as `npm start` runs: no TypeScript loader in the process or in the
 * parser worker, which production never has.
 * The catalog_imports row exists already (the bench inserts it, as the workflow would).
 * Job: {"dbUrl", "fileUrl", "importId", "shop", "exportStartedAt", "postmasterPid"?}.
 * Prints {"loadSeconds", "parseSeconds", "mergeSeconds", "load", "parse", "merge", "cpu", "startRssKb", "maxRssKb"}
 * (cpu: CPU seconds of this process and of the PostgreSQL cluster in the load and in the parse).
 */
import path from 'node:path';
import type * as Merge from '../../src/catalog/merge/mergeCatalog';
import type * as Load from '../../src/catalog/staging/loadBulkFile';
import type * as Parse from '../../src/catalog/staging/parseStagedLines';
import type * as Db from '../../src/db/client';
import { report } from './report';
import { clusterCpuSeconds, processCpuSeconds } from './pgCpu';

interface Job {
  dbUrl: string;
  fileUrl: string;
  importId: string;
  shop: string;
  exportStartedAt: string;
  postmasterPid?: number;
  /** The compiled production code (dist/ of the repository). */
  dist: string;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]!) as Job;
  /** A production module as compiled to dist/, typed by its source. */
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiled = <T>(module: string): T => require(path.join(job.dist, module)) as T;
  const { mergeCatalog } = compiled<typeof Merge>('catalog/merge/mergeCatalog.js');
  const { loadBulkFile } = compiled<typeof Load>('catalog/staging/loadBulkFile.js');
  const { parseStagedLines } = compiled<typeof Parse>('catalog/staging/parseStagedLines.js');
  const { createPool } = compiled<typeof Db>('db/client.js');
  // What the process holds before any work (Node and the modules): the rest of the peak is the import's.
  const startRssKb = process.resourceUsage().maxRSS;
  const pool = createPool(job.dbUrl, { max: 4, applicationName: 'bench-catalog' });
  try {
    const seconds = (since: number) => (performance.now() - since) / 1000;
    const node0 = processCpuSeconds();
    const pg0 = clusterCpuSeconds(job.postmasterPid);
    let started = performance.now();
    const load = await loadBulkFile({ pool, importId: job.importId, url: job.fileUrl });
    const loadSeconds = seconds(started);
    const node1 = processCpuSeconds();
    const pg1 = clusterCpuSeconds(job.postmasterPid);
    started = performance.now();
    const parse = await parseStagedLines(pool, job.importId, { maxRejects: 0 });
    const parseSeconds = seconds(started);
    const node2 = processCpuSeconds();
    const pg2 = clusterCpuSeconds(job.postmasterPid);
    const minus = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);
    const cpu = { loadNode: node1 - node0, loadPg: minus(pg1, pg0), parseNode: node2 - node1, parsePg: minus(pg2, pg1) };
    started = performance.now();
    const merge = await mergeCatalog(pool, { importId: job.importId, shop: job.shop, exportStartedAt: new Date(job.exportStartedAt) });
    const mergeSeconds = seconds(started);
    report({ loadSeconds, parseSeconds, mergeSeconds, load, parse, merge, cpu, startRssKb });
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
