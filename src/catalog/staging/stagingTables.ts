import type pg from 'pg';

/**
 * Each import stages into tables of its own, named after its ID: no import can see or
 * disturb another's rows, and clean-up is one DROP. They are UNLOGGED (no WAL: the file
 * can be downloaded again), which also means PostgreSQL empties them after a crash — the
 * loader checks the staged row count against the committed segments before resuming.
 */
export interface StagingTables {
  /** Raw lines as downloaded: `seq` (file order) and `line`. */
  lines: string;
  /** One typed row per usable line, parsed by PostgreSQL. */
  rows: string;
}

const IMPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function stagingTables(importId: string): StagingTables {
  if (!IMPORT_ID.test(importId)) throw new TypeError(`not an import id: ${importId}`);
  const suffix = importId.replace(/-/g, '');
  return { lines: `catalog_stage_lines_${suffix}`, rows: `catalog_stage_rows_${suffix}` };
}

export async function createLinesTable(client: pg.ClientBase, tables: StagingTables): Promise<void> {
  await client.query(`CREATE UNLOGGED TABLE IF NOT EXISTS ${tables.lines} (seq bigint GENERATED ALWAYS AS IDENTITY, line text)`);
}

export async function dropStagingTables(client: pg.ClientBase | pg.Pool, tables: StagingTables): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${tables.lines}, ${tables.rows}`);
}
