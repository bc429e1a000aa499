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
   * fields the merge reads, and for a line that cannot be used `reject` (why) and `raw`
   * (its first 4 KB), with `kind` NULL. The checks copy rejects out before the merge.
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

/**
 * Columns as catalogLineParser's ROW_COLUMNS, typed as the catalog's own columns: COPY is
 * then the safety net for the worker's value checks (a value the worker passed and
 * PostgreSQL refuses fails the load with PostgreSQL's line-numbered error, rather than the
 * merge), and neither the checks nor the merge cast anything.
 */
export async function createRowsTable(client: pg.ClientBase, tables: StagingTables): Promise<void> {
  await client.query(`CREATE UNLOGGED TABLE IF NOT EXISTS ${tables.rows} (
    line_no bigint NOT NULL,
    kind text, gid text, parent_gid text, updated_at timestamptz,
    title text, handle text, status text, vendor text, product_type text, tags text[],
    sku text, price numeric(20, 4), compare_at_price numeric(20, 4), position integer, inventory_item_gid text,
    location_gid text, location_name text, available integer,
    namespace text, key text, type text, value text,
    reject text, raw text)`);
}

export async function dropStagingTables(client: pg.ClientBase | pg.Pool, tables: StagingTables): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${tables.rows}, ${tables.legacyLines}`);
}
