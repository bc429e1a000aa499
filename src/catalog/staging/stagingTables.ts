import type pg from 'pg';

/**
 * Each import stages into a table of its own, named after its ID: no import can see or
 * disturb another's rows, and clean-up is one DROP. It is UNLOGGED (no WAL: the file can
 * be downloaded again), which also means PostgreSQL empties it after a crash — the loader
 * checks the staged row count against the committed segments before resuming.
 */
export interface StagingTables {
  /**
   * One row per line of the file, typed by the loader's parser worker: `line_no`, the
   * fields the merge reads (as text; the merge casts), and for a line that cannot be used
   * `reject` (why) and `raw` (its first 4 KB). The checks move rejects out before the merge.
   */
  rows: string;
  /** Raw lines, staged by the loader before the parser worker: only dropped (imports started before it). */
  legacyLines: string;
}

const IMPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function stagingTables(importId: string): StagingTables {
  if (!IMPORT_ID.test(importId)) throw new TypeError(`not an import id: ${importId}`);
  const suffix = importId.replace(/-/g, '');
  return { rows: `catalog_stage_rows_${suffix}`, legacyLines: `catalog_stage_lines_${suffix}` };
}

/** Columns as catalogLineParser's ROW_COLUMNS; every value the merge casts stays text, checked before the merge. */
export async function createRowsTable(client: pg.ClientBase, tables: StagingTables): Promise<void> {
  await client.query(`CREATE UNLOGGED TABLE IF NOT EXISTS ${tables.rows} (
    line_no bigint NOT NULL,
    kind text, gid text, parent_gid text, updated_at text,
    title text, handle text, status text, vendor text, product_type text, tags text[],
    sku text, price text, compare_at_price text, position text, inventory_item_gid text,
    location_gid text, location_name text, available text,
    namespace text, key text, type text, value text,
    reject text, raw text)`);
}

export async function dropStagingTables(client: pg.ClientBase | pg.Pool, tables: StagingTables): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${tables.rows}, ${tables.legacyLines}`);
}
