/**
 * The alternative to our load-then-parse-in-PostgreSQL path, in its own process so its
 * peak RSS (worker thread included) is its own: lines parsed in Node, typed rows COPY'd.
 *
 *   HTTP GET (node:http) → main thread cuts ~1 MB batches at newlines (the tail carried
 *   over) → ONE worker thread (ArrayBuffers transferred both ways, the batch buffers
 *   handed back for reuse, ≤ 4 batches in flight): split lines, JSON.parse, classify by GID
 *   type, validate, one typed CSV row per line (rejects too: kind NULL, reason, first 4 KB)
 *   → main writes the batches in order into COPY … FROM STDIN (FORMAT csv) of an UNLOGGED
 *   typed table, awaiting 'drain', committing every ~64 MB of input as production does
 *   (BEGIN, COPY, COMMIT; without production's segment bookkeeping rows).
 * The worker numbers lines and skips empty ones as production does, and fills only the
 * columns the merge reads for each kind (checked equal to the typed-CSV ceiling's rows).
 *
 * Then, timed apart ("checks"), what ours' parse step does after its typed rows exist and
 * a per-line parser cannot: orphans and duplicate SKUs (set-based, the same SQL shape as
 * parseStagedLines), the (kind, gid) index, ANALYZE. Rejected rows are marked in place.
 *
 * The table exists already (the bench creates it, untimed, from NODE_TYPED_DDL).
 * Job: {"dbUrl", "fileUrl", "table", "postmasterPid"?, "segmentBytes"?}.
 * Prints {"loadSeconds", "checksSeconds", "workerStartSeconds", "bytes", "lines", "rows",
 * "rejected", "checkRejected", "segments", "batches", "cpu", "workerBusy", "startRssKb", "maxRssKb"}.
 */
import { once } from 'node:events';
import http from 'node:http';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { report } from './child';
import type { BatchIn, BatchOut } from './nodeParseWorker';
import { clusterCpuSeconds, processCpuSeconds } from './pgCpu';
import { NODE_TYPED_COLUMNS } from './tables';

interface Job {
  dbUrl: string;
  fileUrl: string;
  table: string;
  postmasterPid?: number;
  segmentBytes?: number;
}

const NEWLINE = 0x0a;
const BATCH_BYTES = 1024 * 1024;
const MAX_IN_FLIGHT = 4;
/** Answer buffers waiting for the socket to flush before they can go back to the worker. */
const MAX_WRITTEN = 8;
const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
/**
 * The worker's heap limits. Its garbage is JSON.parse's objects, dead within a line: an
 * 8 MB young generation was as fast as V8's default here and ~25 MB lighter in RSS, and
 * a 32 MB old generation (it holds ~8 MB live) is collected before it grows to ~20 MB.
 * A batch with a line of tens of MB would exceed it: the worker then fails, and the load.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 32 };

/**
 * The worker, from its .ts file: on Node 20 a Worker started from a .ts path does not get
 * tsx's loader (ERR_UNKNOWN_FILE_EXTENSION), so a one-line CommonJS bootstrap registers
 * tsx's require hook in the worker and then requires the file. Resolves once it is loaded.
 */
async function startWorker(): Promise<Worker> {
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(path.join(__dirname, 'nodeParseWorker.ts'))});`;
  const worker = new Worker(bootstrap, { eval: true, resourceLimits: WORKER_HEAP });
  const [ready] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([err]) => Promise.reject(err as Error))])) as [BatchOut];
  if (!('ready' in ready)) throw new Error('worker did not start');
  return worker;
}

/** The worker's answers, in order, as something to await one by one. */
class Answers {
  private readonly queue: BatchOut[] = [];
  private waiting: { resolve: (m: BatchOut) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(worker: Worker) {
    worker.on('message', (m: BatchOut) => this.push(m));
    worker.on('error', (err: Error) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`worker exited with code ${code}`)));
  }

  push(message: BatchOut): void {
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve(message);
    } else this.queue.push(message);
  }

  fail(err: Error): void {
    this.failure ??= err;
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = undefined;
      reject(err);
    }
  }

  next(): Promise<BatchOut> {
    const message = this.queue.shift();
    if (message) return Promise.resolve(message);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }
}

/**
 * The response body, with node:http rather than fetch (production's loader uses fetch):
 * at 1M variants it took ~1 s less CPU in this process, which on 2 cores is CPU the
 * worker and PostgreSQL get.
 */
async function download(url: string): Promise<http.IncomingMessage> {
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(url, resolve).on('error', reject));
  if (res.statusCode !== 200) {
    res.resume();
    throw new Error(`GET ${url} answered HTTP ${res.statusCode}`);
  }
  return res;
}

interface LoadTotals {
  bytes: number;
  lines: number;
  rows: number;
  rejected: number;
  segments: number;
  batches: number;
}

async function loadAndParse(client: pg.Client, worker: Worker, job: Job): Promise<LoadTotals> {
  const body = await download(job.fileUrl);
  const answers = new Answers(worker);
  const segmentBytes = job.segmentBytes ?? DEFAULT_SEGMENT_BYTES;

  // Batch buffers go to the worker and come back with its answer: a handful of them
  // serve the whole file, so memory does not depend on when the garbage collector runs.
  const free: Buffer[] = [];
  const take = (atLeast: number) => {
    const recycled = free.pop();
    return recycled && recycled.length >= atLeast ? recycled : Buffer.allocUnsafeSlow(Math.max(BATCH_BYTES, atLeast));
  };

  // Answer buffers go back to the worker too, once nothing can still read them: given to
  // COPY (`written`), they are spare when COPY has passed every chunk to the socket and the
  // socket has handed every byte to the kernel (a pending socket write reads the buffer's
  // memory in place, so handing it back earlier would let the worker overwrite rows in flight).
  const socket = (client as unknown as { connection: { stream: { writableLength: number } } }).connection.stream;
  let written: ArrayBuffer[] = [];
  let spare: ArrayBuffer[] = [];
  const reclaim = (copy: CopyStreamQuery | undefined) => {
    if ((copy?.writableLength ?? 0) > 0 || socket.writableLength > 0) {
      // Never hold more than a few: past that, the oldest is left to the garbage collector.
      if (written.length > MAX_WRITTEN) written.shift();
      return;
    }
    spare.push(...written);
    written = [];
  };

  // At most MAX_IN_FLIGHT batches between the cut and their COPY write: bounded memory.
  let inFlight = 0;
  let slotFreed: (() => void) | undefined;
  const send = async (batch: Buffer, length: number) => {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (slotFreed = resolve));
    inFlight++;
    const message = { buffer: batch.buffer as ArrayBuffer, length, spare } satisfies BatchIn;
    spare = [];
    worker.postMessage(message, [message.buffer, ...message.spare]);
  };
  const freeSlot = () => {
    inFlight--;
    const freed = slotFreed;
    slotFreed = undefined;
    freed?.();
  };

  let batches = 0;
  const cutter = (async () => {
    let batch = take(BATCH_BYTES);
    let filled = 0;
    for await (const piece of body) {
      let rest = piece as Buffer;
      while (rest.length > 0) {
        const copied = rest.copy(batch, filled);
        filled += copied;
        rest = rest.subarray(copied);
        if (filled < batch.length) break;
        // Full: send up to the last newline, carry the tail over into the next batch.
        const cut = batch.lastIndexOf(NEWLINE, filled - 1) + 1;
        if (cut === 0) {
          // One line longer than the batch: a bigger batch, until it ends.
          const bigger = Buffer.allocUnsafeSlow(batch.length * 2);
          batch.copy(bigger, 0, 0, filled);
          batch = bigger;
          continue;
        }
        const next = take(filled - cut + 1);
        batch.copy(next, 0, cut, filled);
        batches++;
        await send(batch, cut);
        batch = next;
        filled -= cut;
      }
    }
    if (filled > 0) {
      batches++;
      await send(batch, filled);
    }
    // Answered after every batch: the worker keeps the order.
    worker.postMessage({ end: true } satisfies BatchIn);
  })();
  cutter.catch((err: Error) => answers.fail(err));

  const copySql = `COPY ${job.table} (${NODE_TYPED_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  const totals: LoadTotals = { bytes: 0, lines: 0, rows: 0, rejected: 0, segments: 0, batches: 0 };
  let open: { copy: CopyStreamQuery; inputBytes: number; rows: number } | undefined;
  const commit = async () => {
    if (!open) return;
    const segment = open;
    open = undefined;
    segment.copy.end();
    await finished(segment.copy);
    if (segment.copy.rowCount !== segment.rows) throw new Error(`segment ${totals.segments}: COPY stored ${segment.copy.rowCount} rows for ${segment.rows}`);
    await client.query('COMMIT');
    totals.segments++;
    reclaim(undefined);
  };
  for (;;) {
    const answer = await answers.next();
    if ('end' in answer) break;
    if (!('buffer' in answer)) continue;
    if (answer.input.byteLength === BATCH_BYTES) free.push(Buffer.from(answer.input));
    if (!open) {
      await client.query('BEGIN');
      open = { copy: client.query(copyFrom(copySql)), inputBytes: 0, rows: 0 };
    }
    totals.bytes += answer.inputBytes;
    totals.lines += answer.lines;
    totals.rows += answer.rows;
    totals.rejected += answer.rejected;
    open.inputBytes += answer.inputBytes;
    open.rows += answer.rows;
    // events.once rejects if the COPY emits 'error' while we wait.
    if (answer.length > 0 && !open.copy.write(Buffer.from(answer.buffer, 0, answer.length))) await once(open.copy, 'drain');
    written.push(answer.buffer);
    reclaim(open.copy);
    freeSlot();
    if (open.inputBytes >= segmentBytes) await commit();
  }
  await commit();
  await cutter;
  totals.batches = batches;
  return totals;
}

/** Orphans and duplicate SKUs, as parseStagedLines' invalidRowsSql (the per-line checks ran in the worker). */
function invalidRowsSql(table: string): string {
  return `SELECT line_no, kind, reason FROM (
    SELECT r.line_no, r.kind,
      CASE
        WHEN r.kind <> 'Product' AND parent.gid IS NULL THEN 'parent ' || coalesce(r.parent_gid, '(none)') || ' is not in the file'
        WHEN dup.n > 1 THEN 'duplicate SKU ' || r.sku
      END AS reason
    FROM ${table} r
    LEFT JOIN (SELECT DISTINCT gid, kind FROM ${table} WHERE kind IN ('Product', 'ProductVariant')) parent
      ON parent.gid = r.parent_gid AND parent.kind = CASE WHEN r.kind = 'InventoryLevel' THEN 'ProductVariant' ELSE 'Product' END
    LEFT JOIN (
      SELECT line_no, row_number() OVER (PARTITION BY sku ORDER BY line_no) AS n
        FROM ${table} WHERE kind = 'ProductVariant' AND coalesce(sku, '') <> ''
    ) dup ON dup.line_no = r.line_no
    WHERE r.kind IS NOT NULL
  ) checked WHERE reason IS NOT NULL`;
}

/** What ours' parse does after its rows exist: set-based rejects (repeated while parents go), index, statistics. */
async function checks(client: pg.Client, table: string): Promise<number> {
  let rejected = 0;
  await client.query(`ANALYZE ${table}`);
  for (let pass = 0; pass < 3; pass++) {
    await client.query('DROP TABLE IF EXISTS pg_temp.node_invalid_rows');
    await client.query(`CREATE TEMP TABLE node_invalid_rows AS ${invalidRowsSql(table)}`);
    const marked = await client.query(`UPDATE ${table} t SET kind = NULL, reject_reason = b.reason FROM pg_temp.node_invalid_rows b WHERE t.line_no = b.line_no`);
    rejected += marked.rowCount ?? 0;
    const parents = await client.query(`SELECT 1 FROM pg_temp.node_invalid_rows WHERE kind IN ('Product', 'ProductVariant') LIMIT 1`);
    if (parents.rowCount === 0) break;
  }
  await client.query(`CREATE INDEX ON ${table} (kind, gid)`);
  await client.query(`ANALYZE ${table}`);
  return rejected;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]!) as Job;
  // What the process holds before any work (Node, tsx, modules): the rest of the peak is the pipeline's.
  const startRssKb = process.resourceUsage().maxRSS;
  const client = new pg.Client({ connectionString: job.dbUrl, application_name: 'bench-node-parse' });
  await client.connect();
  let worker: Worker | undefined;
  try {
    const seconds = (since: number) => (performance.now() - since) / 1000;
    // Started untimed, as a long-lived importer would keep its worker.
    let started = performance.now();
    worker = await startWorker();
    const workerStartSeconds = seconds(started);

    const node0 = processCpuSeconds();
    const pg0 = clusterCpuSeconds(job.postmasterPid);
    const elu0 = worker.performance.eventLoopUtilization();
    started = performance.now();
    const load = await loadAndParse(client, worker, job);
    const loadSeconds = seconds(started);
    const workerBusy = worker.performance.eventLoopUtilization(elu0).utilization;
    const node1 = processCpuSeconds();
    const pg1 = clusterCpuSeconds(job.postmasterPid);

    started = performance.now();
    const checkRejected = await checks(client, job.table);
    const checksSeconds = seconds(started);
    const node2 = processCpuSeconds();
    const pg2 = clusterCpuSeconds(job.postmasterPid);
    const minus = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);
    report({
      loadSeconds,
      checksSeconds,
      workerStartSeconds,
      ...load,
      checkRejected,
      cpu: { loadNode: node1 - node0, loadPg: minus(pg1, pg0), checksNode: node2 - node1, checksPg: minus(pg2, pg1) },
      workerBusy,
      startRssKb,
    });
  } finally {
    await worker?.terminate();
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
