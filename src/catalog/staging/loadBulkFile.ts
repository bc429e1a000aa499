import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { AppError } from '../../errors';
import { createLinesTable, stagingTables, type StagingTables } from './stagingTables';
import { countNewlines, endOfLastLine } from './newlines';

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
  /** A segment (rows + resume point) is committed about every this many bytes. */
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

/**
 * The bytes of a JSONL line go to PostgreSQL untouched: CSV with delimiter and quote set
 * to control characters that cannot appear raw in valid JSON, so COPY takes each line as
 * one text value with no escaping done here. Node does no per-line work at all; parsing
 * happens in PostgreSQL afterwards, on the other core and in parallel workers.
 */
const COPY_LINES = (table: string) => `COPY ${table} (line) FROM STDIN WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')`;

interface Committed {
  bytes: number;
  lines: number;
  segments: number;
  lastSeq: number;
}

/**
 * Streams a bulk operation's JSONL file into the import's staging table, in bounded
 * memory: one network chunk at a time, with backpressure from COPY to the socket. Every
 * ~`segmentBytes` it ends the COPY at a line boundary and commits the rows together with
 * the segment's byte range, so after a crash the next attempt asks for the rest with an
 * HTTP Range request from the last committed byte, never staging a line twice.
 */
export async function loadBulkFile(options: LoadBulkFileOptions): Promise<LoadProgress> {
  const tables = stagingTables(options.importId);
  const segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
  const client = await options.pool.connect();
  let broken = false;
  try {
    await createLinesTable(client, tables);
    const start = await resumePoint(client, options.importId, tables);
    const res = await (options.fetchImpl ?? fetch)(options.url, {
      headers: start.bytes > 0 ? { range: `bytes=${start.bytes}-` } : {},
      signal: options.signal,
    });
    if (res.status === 416 && start.bytes > 0) {
      // Everything was staged before the last attempt died.
      await res.body?.cancel();
      return { ...progressOf(start), totalBytes: start.bytes, resumedFrom: start.bytes, committed: true };
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new BulkFileDownloadError(res.status, `bulk file download answered HTTP ${res.status}`);
    }
    // A server that ignores Range sends the whole file (200): skip what is already staged.
    let skip = start.bytes > 0 && res.status === 200 ? start.bytes : 0;
    const totalBytes = totalSize(res, start.bytes);

    const committed = { ...start };
    let open: OpenSegment | undefined;
    let lastReport = Date.now();
    const report = (isCommit: boolean) => {
      lastReport = Date.now();
      const pending = open && !isCommit ? open.bytes : 0;
      options.onProgress?.({ ...progressOf(committed), bytes: committed.bytes + pending, totalBytes, resumedFrom: start.bytes, committed: isCommit });
    };

    const commit = async (final: boolean) => {
      if (!open) return;
      const segment = open;
      open = undefined;
      const lines = segment.newlines + (final && segment.bytes > 0 && !segment.endsWithNewline ? 1 : 0);
      await segment.end();
      if (segment.copy.rowCount !== lines) {
        throw new AppError(`segment ${committed.segments}: COPY stored ${segment.copy.rowCount} rows for ${lines} lines`, 'STAGING_MISMATCH');
      }
      await client.query(
        `INSERT INTO catalog_import_segments (import_id, segment_no, byte_start, byte_end, first_line, line_count, first_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [options.importId, committed.segments, committed.bytes, committed.bytes + segment.bytes, committed.lines + 1, lines, segment.firstSeq],
      );
      await client.query(
        `UPDATE catalog_imports SET status = 'loading', bytes_loaded = $2, lines_loaded = $3, file_bytes = coalesce(file_bytes, $4), updated_at = now() WHERE id = $1`,
        [options.importId, committed.bytes + segment.bytes, committed.lines + lines, totalBytes ?? null],
      );
      await client.query('COMMIT');
      committed.bytes += segment.bytes;
      committed.lines += lines;
      committed.segments += 1;
      committed.lastSeq = segment.firstSeq + lines - 1;
      report(true);
    };

    try {
      for await (const piece of res.body) {
        let chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        if (skip > 0) {
          const dropped = Math.min(skip, chunk.length);
          skip -= dropped;
          chunk = chunk.subarray(dropped);
        }
        while (chunk.length > 0) {
          open ??= await OpenSegment.begin(client, tables);
          const cut = open.bytes + chunk.length >= segmentBytes ? endOfLastLine(chunk) : 0;
          if (cut === 0) {
            await open.write(chunk);
            break;
          }
          await open.write(chunk.subarray(0, cut));
          await commit(false);
          chunk = chunk.subarray(cut);
        }
        if (options.onProgress && Date.now() - lastReport >= (options.progressEveryMs ?? 2_000)) report(false);
      }
      await commit(true);
    } catch (err) {
      if (open) {
        broken = !(await open.abort());
        open = undefined;
      }
      throw err;
    }
    return { ...progressOf(committed), totalBytes, resumedFrom: start.bytes, committed: true };
  } finally {
    client.release(broken);
  }
}

const progressOf = (c: Committed) => ({ bytes: c.bytes, lines: c.lines, segments: c.segments });

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
 * do not add up to the committed lines, start the file again.
 */
async function resumePoint(client: pg.ClientBase, importId: string, tables: StagingTables): Promise<Committed> {
  const { rows } = await client.query<{ bytes: string; lines: string; segments: string; last_seq: string | null }>(
    `SELECT coalesce(max(byte_end), 0) AS bytes, coalesce(sum(line_count), 0) AS lines, count(*) AS segments,
            max(first_seq + line_count - 1) AS last_seq
       FROM catalog_import_segments WHERE import_id = $1`,
    [importId],
  );
  const c = rows[0]!;
  const committed: Committed = { bytes: Number(c.bytes), lines: Number(c.lines), segments: Number(c.segments), lastSeq: Number(c.last_seq ?? 0) };
  if (committed.segments === 0) {
    await client.query(`TRUNCATE ${tables.lines} RESTART IDENTITY`);
    return committed;
  }
  const staged = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${tables.lines}`);
  if (Number(staged.rows[0]!.n) === committed.lines) return committed;
  await client.query('BEGIN');
  await client.query(`TRUNCATE ${tables.lines} RESTART IDENTITY`);
  await client.query('DELETE FROM catalog_import_segments WHERE import_id = $1', [importId]);
  await client.query(`UPDATE catalog_imports SET bytes_loaded = 0, lines_loaded = 0, updated_at = now() WHERE id = $1`, [importId]);
  await client.query('COMMIT');
  return { bytes: 0, lines: 0, segments: 0, lastSeq: 0 };
}

/** One open transaction with one COPY in progress. */
class OpenSegment {
  bytes = 0;
  newlines = 0;
  endsWithNewline = false;

  private constructor(
    private readonly client: pg.ClientBase,
    readonly copy: CopyStreamQuery,
    readonly firstSeq: number,
  ) {}

  static async begin(client: pg.ClientBase, tables: StagingTables): Promise<OpenSegment> {
    await client.query('BEGIN');
    // Staged rows are numbered by an identity column; a single writer per import makes the
    // numbers of one COPY consecutive, so a row's line in the file is derivable from them.
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value, is_called FROM ${tables.lines}_seq_seq`,
    );
    const next = rows[0]!.is_called ? Number(rows[0]!.last_value) + 1 : Number(rows[0]!.last_value);
    const copy = client.query(copyFrom(COPY_LINES(tables.lines)));
    return new OpenSegment(client, copy, next);
  }

  async write(chunk: Buffer): Promise<void> {
    this.bytes += chunk.length;
    this.newlines += countNewlines(chunk);
    this.endsWithNewline = chunk[chunk.length - 1] === 0x0a;
    // events.once rejects if the stream emits 'error' while we wait.
    if (!this.copy.write(chunk)) await once(this.copy, 'drain');
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
