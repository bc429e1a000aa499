import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { AppError } from '../../errors';
import { ROW_COLUMNS } from './catalogLineParser';
import { ParserThread } from './parserThread';
import { createRowsTable, stagingTables, type StagingTables } from './stagingTables';

export interface LoadProgress {
  /** Bytes of the file staged, committed or (when `committed` is false) still in the open segment. */
  bytes: number;
  lines: number;
  segments: number;
  totalBytes: number | undefined;
  /** Where this attempt started: 0, or the committed offset it resumed from with Range. */
  resumedFrom: number;
  committed: boolean;
}

export interface LoadBulkFileOptions {
  pool: pg.Pool;
  importId: string;
  url: string;
  /** A segment (rows + resume point) is committed at the first batch boundary past this many bytes. */
  segmentBytes?: number;
  signal?: AbortSignal;
  /** After every commit, and at most every `progressEveryMs` while a segment is open. */
  onProgress?: (progress: LoadProgress) => void;
  progressEveryMs?: number;
  fetchImpl?: typeof fetch;
}

export class BulkFileDownloadError extends AppError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message, 'BULK_FILE_DOWNLOAD_FAILED', { status });
  }
}

const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
/** The parser worker gets the file in batches of about this many bytes, cut after a newline. */
// 256 KB rather than 1 MB: as fast (a message costs microseconds), and four in flight plus
// their rows hold ~10 MB less.
const BATCH_BYTES = 256 * 1024;

/** The worker's rows: one per line, CSV in ROW_COLUMNS order (catalogLineParser.ts). */
const COPY_ROWS = (table: string) => `COPY ${table} (${ROW_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`;

interface Committed {
  bytes: number;
  lines: number;
  segments: number;
}

/**
 * Streams a bulk operation's JSONL file into the import's typed staging table, in bounded
 * memory. The main thread cuts the HTTP body into ~1 MB batches of whole lines; ONE worker
 * thread (parserWorker.ts) parses and validates every line and answers, in order, with one
 * typed CSV row per line (a line that cannot be used becomes a reject row: reason and its
 * first 4 KB); the main thread writes the rows into COPY, with backpressure from COPY to
 * the worker (at most a few batches in flight) and so to the socket. At the first batch
 * boundary past every ~`segmentBytes` it ends the COPY and commits the rows together with
 * the segment's byte range and line numbers, so after a crash the next attempt asks for the
 * rest with an HTTP Range request from the last committed byte, never staging a line twice.
 */
export async function loadBulkFile(options: LoadBulkFileOptions): Promise<LoadProgress> {
  const tables = stagingTables(options.importId);
  const segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
  const batchBytes = Math.max(1, Math.min(BATCH_BYTES, segmentBytes));
  // Started while PostgreSQL and the download get going.
  const starting = ParserThread.start();
  starting.catch(() => undefined);
  const client = await options.pool.connect().catch(async (err: unknown) => {
    await (await starting.catch(() => undefined))?.terminate();
    throw err;
  });
  let broken = false;
  let parser: ParserThread | undefined;
  try {
    await createRowsTable(client, tables);
    const start = await resumePoint(client, options.importId, tables);
    const res = await (options.fetchImpl ?? fetch)(options.url, {
      headers: start.bytes > 0 ? { range: `bytes=${start.bytes}-` } : {},
      signal: options.signal,
    });
    if (res.status === 416 && start.bytes > 0) {
      // Everything was staged before the last attempt died.
      await res.body?.cancel();
      return { ...start, totalBytes: start.bytes, resumedFrom: start.bytes, committed: true };
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new BulkFileDownloadError(res.status, `bulk file download answered HTTP ${res.status}`);
    }
    const body = res.body;
    // A server that ignores Range sends the whole file (200): skip what is already staged.
    let skip = start.bytes > 0 && res.status === 200 ? start.bytes : 0;
    const totalBytes = totalSize(res, start.bytes);

    parser = await starting;
    const thread = parser;
    thread.begin(start.lines + 1);

    const committed = { ...start };
    let open: OpenSegment | undefined;
    let lastReport = Date.now();
    const report = (isCommit: boolean) => {
      lastReport = Date.now();
      const pending = open && !isCommit ? open.bytes : 0;
      options.onProgress?.({ ...committed, bytes: committed.bytes + pending, totalBytes, resumedFrom: start.bytes, committed: isCommit });
    };

    const commit = async () => {
      if (!open) return;
      const segment = open;
      open = undefined;
      await segment.end();
      // One row per line, rejects and empty lines included.
      if (segment.copy.rowCount !== segment.lines) {
        throw new AppError(`segment ${committed.segments}: COPY stored ${segment.copy.rowCount} rows for ${segment.lines} lines`, 'STAGING_MISMATCH');
      }
      // Staged rows carry their line number: first_seq is the segment's first line, as first_line.
      await client.query(
        `INSERT INTO catalog_import_segments (import_id, segment_no, byte_start, byte_end, first_line, line_count, first_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [options.importId, committed.segments, committed.bytes, committed.bytes + segment.bytes, committed.lines + 1, segment.lines, committed.lines + 1],
      );
      await client.query(
        `UPDATE catalog_imports SET status = 'loading', bytes_loaded = $2, lines_loaded = $3, file_bytes = coalesce(file_bytes, $4), updated_at = now() WHERE id = $1`,
        [options.importId, committed.bytes + segment.bytes, committed.lines + segment.lines, totalBytes ?? null],
      );
      await client.query('COMMIT');
      committed.bytes += segment.bytes;
      committed.lines += segment.lines;
      committed.segments += 1;
      report(true);
    };

    // Cuts the body into batches of whole lines for the worker; the tail of a batch
    // (a line not yet ended) is carried over into the next one.
    const cutter = (async () => {
      let batch = Buffer.allocUnsafeSlow(batchBytes);
      let filled = 0;
      for await (const piece of body) {
        let chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        if (skip > 0) {
          const dropped = Math.min(skip, chunk.length);
          skip -= dropped;
          chunk = chunk.subarray(dropped);
        }
        while (chunk.length > 0) {
          const copied = chunk.copy(batch, filled);
          filled += copied;
          chunk = chunk.subarray(copied);
          if (filled < batch.length) break;
          const cut = batch.lastIndexOf(NEWLINE, filled - 1) + 1;
          if (cut === 0) {
            // One line longer than the batch: a bigger batch, until the line ends.
            const bigger = Buffer.allocUnsafeSlow(batch.length * 2);
            batch.copy(bigger, 0, 0, filled);
            batch = bigger;
            continue;
          }
          const next = Buffer.allocUnsafeSlow(Math.max(batchBytes, filled - cut));
          batch.copy(next, 0, cut, filled);
          await thread.send(batch, cut);
          batch = next;
          filled -= cut;
        }
      }
      if (filled > 0) await thread.send(batch, filled);
      thread.end();
    })();
    cutter.catch((err: unknown) => thread.fail(err instanceof Error ? err : new Error(String(err))));

    try {
      for (;;) {
        options.signal?.throwIfAborted();
        const parsed = await thread.next();
        if (!parsed) break;
        options.signal?.throwIfAborted();
        open ??= await OpenSegment.begin(client, tables);
        await open.write(parsed.rows, parsed.inputBytes, parsed.lines);
        if (open.bytes >= segmentBytes) await commit();
        else if (options.onProgress && Date.now() - lastReport >= (options.progressEveryMs ?? 2_000)) report(false);
      }
      await commit();
    } catch (err) {
      // Stops the cutter too (its next send fails), which ends the download.
      thread.fail(err instanceof Error ? err : new Error(String(err)));
      if (open) {
        broken = !(await open.abort());
        open = undefined;
      }
      throw err;
    } finally {
      await cutter.catch(() => undefined);
    }
    return { ...committed, totalBytes, resumedFrom: start.bytes, committed: true };
  } finally {
    client.release(broken);
    await (parser ?? (await starting.catch(() => undefined)))?.terminate();
  }
}

const NEWLINE = 0x0a;

function totalSize(res: Response, offset: number): number | undefined {
  const range = res.headers.get('content-range');
  const total = range ? Number(range.split('/')[1]) : NaN;
  if (Number.isFinite(total)) return total;
  const length = Number(res.headers.get('content-length'));
  return Number.isFinite(length) && length > 0 ? length + (res.status === 206 ? offset : 0) : undefined;
}

/**
 * Where to continue: the end of the last committed segment. The staging table is
 * UNLOGGED, so a PostgreSQL crash empties it while the segments stay: if the staged rows
 * (one per line) do not add up to the committed lines, start the file again.
 */
async function resumePoint(client: pg.ClientBase, importId: string, tables: StagingTables): Promise<Committed> {
  const { rows } = await client.query<{ bytes: string; lines: string; segments: string }>(
    `SELECT coalesce(max(byte_end), 0) AS bytes, coalesce(sum(line_count), 0) AS lines, count(*) AS segments
       FROM catalog_import_segments WHERE import_id = $1`,
    [importId],
  );
  const c = rows[0]!;
  const committed: Committed = { bytes: Number(c.bytes), lines: Number(c.lines), segments: Number(c.segments) };
  if (committed.segments === 0) {
    await client.query(`TRUNCATE ${tables.rows}`);
    return committed;
  }
  const staged = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${tables.rows}`);
  if (Number(staged.rows[0]!.n) === committed.lines) return committed;
  await client.query('BEGIN');
  await client.query(`TRUNCATE ${tables.rows}`);
  await client.query('DELETE FROM catalog_import_segments WHERE import_id = $1', [importId]);
  await client.query(`UPDATE catalog_imports SET bytes_loaded = 0, lines_loaded = 0, updated_at = now() WHERE id = $1`, [importId]);
  await client.query('COMMIT');
  return { bytes: 0, lines: 0, segments: 0 };
}

/** One open transaction with one COPY in progress. */
class OpenSegment {
  /** Bytes of the file whose rows are in this segment. */
  bytes = 0;
  lines = 0;

  private constructor(
    private readonly client: pg.ClientBase,
    readonly copy: CopyStreamQuery,
  ) {}

  static async begin(client: pg.ClientBase, tables: StagingTables): Promise<OpenSegment> {
    await client.query('BEGIN');
    return new OpenSegment(client, client.query(copyFrom(COPY_ROWS(tables.rows))));
  }

  async write(rows: Buffer, inputBytes: number, lines: number): Promise<void> {
    this.bytes += inputBytes;
    this.lines += lines;
    // events.once rejects if the stream emits 'error' while we wait.
    if (rows.length > 0 && !this.copy.write(rows)) await once(this.copy, 'drain');
  }

  async end(): Promise<void> {
    this.copy.end();
    await finished(this.copy);
  }

  /** Cancels the COPY and the transaction; false when the connection is no longer usable. */
  async abort(): Promise<boolean> {
    try {
      this.copy.destroy(new Error('staging aborted'));
      await finished(this.copy).catch(() => undefined);
      await this.client.query('ROLLBACK');
      return true;
    } catch {
      return false;
    }
  }
}
