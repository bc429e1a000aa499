import type pg from 'pg';
import { AppError } from '../../errors';
import { createRowsTable, stagingTables } from './stagingTables';

export interface ParseResult {
  /** Typed rows ready to merge. */
  rows: number;
  /** Lines rejected by this import so far (malformed JSON, missing fields, orphans, duplicate SKUs). */
  rejected: number;
}

export class TooManyRejectsError extends AppError {
  constructor(rejected: number, limit: number) {
    super(`${rejected} lines of the export were rejected, more than the limit of ${limit}; see catalog_import_rejects`, 'CATALOG_TOO_MANY_REJECTS', { rejected, limit });
  }
}

/**
 * A reject found by the set-based checks keeps what was parsed from its line (the loader
 * stages the raw text only of lines it rejects itself), as JSON with Shopify's field names.
 */
const PARSED_LINE = (alias: string) => `left(jsonb_strip_nulls(jsonb_build_object(
    'id', ${alias}.gid, '__parentId', ${alias}.parent_gid, 'updatedAt', ${alias}.updated_at,
    'title', ${alias}.title, 'handle', ${alias}.handle, 'status', ${alias}.status, 'vendor', ${alias}.vendor,
    'productType', ${alias}.product_type, 'tags', to_jsonb(${alias}.tags), 'sku', ${alias}.sku, 'price', ${alias}.price,
    'compareAtPrice', ${alias}.compare_at_price, 'position', ${alias}.position,
    'inventoryItem', CASE WHEN ${alias}.inventory_item_gid IS NOT NULL THEN jsonb_build_object('id', ${alias}.inventory_item_gid) END,
    'location', CASE WHEN ${alias}.location_gid IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object('id', ${alias}.location_gid, 'name', ${alias}.location_name)) END,
    'quantities', CASE WHEN ${alias}.available IS NOT NULL THEN jsonb_build_array(jsonb_build_object('name', 'available', 'quantity', ${alias}.available)) END,
    'namespace', ${alias}.namespace, 'key', ${alias}.key, 'type', ${alias}.type, 'value', ${alias}.value))::text, 4096)`;

/**
 * The checks between load and merge. The loader's parser worker has already parsed every
 * line into one typed row (line_no, kind, the merge's fields) or a reject (reason, raw
 * line); here, set-based in PostgreSQL: worker rejects move to catalog_import_rejects with
 * their line number, then what only the whole file can tell — orphans (a child whose
 * parent line was rejected or is missing) and duplicate SKUs — and, as a safety net, every
 * value the merge casts. Past `maxRejects` the import fails. One transaction: a retry
 * finds either none or all of it done.
 */
/**
 * The staged rows no longer add up to the committed segments: PostgreSQL restarted after a
 * crash and emptied the UNLOGGED staging table. Merging it would delete the catalog, so the
 * import fails instead; the next import starts over.
 */
export class StagingLostError extends AppError {
  constructor(staged: number, committed: number) {
    super(`staging holds ${staged} rows but ${committed} lines were committed: PostgreSQL lost the unlogged staging table (crash?); import again`, 'CATALOG_STAGING_LOST', { staged, committed });
  }
}

export async function parseStagedLines(pool: pg.Pool, importId: string, options: { maxRejects: number }): Promise<ParseResult> {
  const tables = stagingTables(importId);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await createRowsTable(client, tables);
    const { rows: check } = await client.query<{ staged: string; committed: string }>(
      `SELECT (SELECT count(*) FROM ${tables.rows}) AS staged,
              (SELECT coalesce(sum(line_count), 0) FROM catalog_import_segments WHERE import_id = $1) AS committed`,
      [importId],
    );
    if (Number(check[0]!.staged) !== Number(check[0]!.committed)) throw new StagingLostError(Number(check[0]!.staged), Number(check[0]!.committed));
    await client.query(
      `INSERT INTO catalog_import_rejects (import_id, line_no, reason, line)
       SELECT $1, line_no, reject, coalesce(raw, '') FROM ${tables.rows} WHERE reject IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [importId],
    );
    // Rejects, and the rows of empty lines (no kind, no reject).
    await client.query(`DELETE FROM ${tables.rows} WHERE kind IS NULL OR reject IS NOT NULL`);
    // Fresh statistics, or the planner takes the table for empty and picks nested loops.
    await client.query(`ANALYZE ${tables.rows}`);
    // Reject what cannot be merged. A rejected parent orphans its children, so repeat
    // while parents are rejected (products → variants → levels: at most three passes).
    for (let pass = 0; pass < 3; pass++) {
      await client.query('DROP TABLE IF EXISTS pg_temp.catalog_invalid_rows');
      await client.query(`CREATE TEMP TABLE catalog_invalid_rows AS ${invalidRowsSql(tables.rows)}`);
      await client.query(
        `INSERT INTO catalog_import_rejects (import_id, line_no, reason, line)
         SELECT $1, r.line_no, b.reason, ${PARSED_LINE('r')}
           FROM pg_temp.catalog_invalid_rows b JOIN ${tables.rows} r ON r.line_no = b.line_no
         ON CONFLICT DO NOTHING`,
        [importId],
      );
      await client.query(`DELETE FROM ${tables.rows} r USING pg_temp.catalog_invalid_rows b WHERE r.line_no = b.line_no`);
      const parents = await client.query(`SELECT 1 FROM pg_temp.catalog_invalid_rows WHERE kind IN ('Product', 'ProductVariant') LIMIT 1`);
      if (parents.rowCount === 0) break;
    }
    await client.query('DROP TABLE IF EXISTS pg_temp.catalog_invalid_rows');
    // No index: the merge reads each kind once and joins by hash; an index would tempt the
    // planner into a million random reads.
    await client.query(`ANALYZE ${tables.rows}`);

    const counts = await client.query<{ rows: string; rejected: string }>(
      `SELECT (SELECT count(*) FROM ${tables.rows}) AS rows,
              (SELECT count(*) FROM catalog_import_rejects WHERE import_id = $1) AS rejected`,
      [importId],
    );
    const result = { rows: Number(counts.rows[0]!.rows), rejected: Number(counts.rows[0]!.rejected) };
    await client.query('UPDATE catalog_imports SET rejected_lines = $2, updated_at = now() WHERE id = $1', [importId, result.rejected]);
    await client.query('COMMIT');
    if (result.rejected > options.maxRejects) throw new TooManyRejectsError(result.rejected, options.maxRejects);
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const validTime = (col: string) => `(${col} IS NOT NULL AND pg_input_is_valid(${col}, 'timestamptz'))`;

/**
 * Rows that parsed but cannot be merged, with why. The per-field checks repeat the
 * worker's (catalogLineParser.ts) as a safety net for every value the merge casts
 * (timestamptz, numeric, integer): a row the worker let through that PostgreSQL would not
 * take is rejected here rather than failing the merge. Orphans (a child whose parent line was
 * rejected or is missing) and duplicate SKUs (a live SKU must name one variant; the first
 * in the file wins) are rejected too, so the merge never half-applies an object. Set-based
 * (joins and a window), never a per-row subquery: this runs over millions of rows.
 */
function invalidRowsSql(rows: string): string {
  return `SELECT line_no, kind, reason FROM (
    SELECT r.line_no, r.kind,
      CASE
        WHEN r.kind IS NULL OR r.gid IS NULL THEN 'not an object with an id'
        WHEN r.kind NOT IN ('Product', 'ProductVariant', 'InventoryLevel', 'Metafield') THEN 'unexpected object type ' || r.kind
        WHEN NOT ${validTime('r.updated_at')} THEN 'missing or invalid updatedAt'
        WHEN r.kind = 'Product' AND r.title IS NULL THEN 'product without title'
        WHEN r.kind = 'ProductVariant' AND (r.price IS NULL OR NOT pg_input_is_valid(r.price, 'numeric')) THEN 'variant without a valid price'
        WHEN r.kind = 'ProductVariant' AND r.compare_at_price IS NOT NULL AND NOT pg_input_is_valid(r.compare_at_price, 'numeric') THEN 'invalid compareAtPrice'
        WHEN r.kind = 'ProductVariant' AND r.position IS NOT NULL AND NOT pg_input_is_valid(r.position, 'integer') THEN 'invalid position'
        WHEN r.kind = 'InventoryLevel' AND (r.location_gid IS NULL OR r.available IS NULL OR NOT pg_input_is_valid(r.available, 'integer')) THEN 'inventory level without location or available quantity'
        WHEN r.kind = 'Metafield' AND (r.namespace IS NULL OR r.key IS NULL OR r.type IS NULL OR r.value IS NULL) THEN 'incomplete metafield'
        WHEN r.kind <> 'Product' AND parent.gid IS NULL THEN 'parent ' || coalesce(r.parent_gid, '(none)') || ' is not in the file'
        WHEN dup.n > 1 THEN 'duplicate SKU ' || r.sku
      END AS reason
    FROM ${rows} r
    LEFT JOIN (SELECT DISTINCT gid, kind FROM ${rows} WHERE kind IN ('Product', 'ProductVariant')) parent
      ON parent.gid = r.parent_gid AND parent.kind = CASE WHEN r.kind = 'InventoryLevel' THEN 'ProductVariant' ELSE 'Product' END
    LEFT JOIN (
      SELECT line_no, row_number() OVER (PARTITION BY sku ORDER BY line_no) AS n
        FROM ${rows} WHERE kind = 'ProductVariant' AND coalesce(sku, '') <> ''
    ) dup ON dup.line_no = r.line_no
  ) checked WHERE reason IS NOT NULL`;
}
