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
 * The staged rows no longer add up to the committed segments: PostgreSQL restarted after a
 * crash and emptied the UNLOGGED staging table. Merging it would delete the catalog, so the
 * import fails instead; the next import starts over.
 */
export class StagingLostError extends AppError {
  constructor(staged: number, committed: number) {
    super(`staging holds ${staged} rows but ${committed} lines were committed: PostgreSQL lost the unlogged staging table (crash?); import again`, 'CATALOG_STAGING_LOST', { staged, committed });
  }
}

/**
 * The checks between load and merge. The loader's parser worker has already parsed and
 * checked every line into one typed row (line_no, kind, the merge's fields) or a reject
 * (reason, raw line); here, set-based in PostgreSQL: worker rejects are copied to
 * catalog_import_rejects with their line number, then what only the whole file can tell —
 * orphans (a child whose parent line was rejected or is missing) and duplicate SKUs — is
 * rejected and removed from staging. Past `maxRejects` the import fails. One transaction: a
 * retry finds either none or all of it done.
 */
export async function parseStagedLines(pool: pg.Pool, importId: string, options: { maxRejects: number }): Promise<ParseResult> {
  const tables = stagingTables(importId);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // The parent and SKU checks hash a million keys: in memory, not in batches on disk.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await createRowsTable(client, tables);
    const { rows: check } = await client.query<{ staged: string; rejects: string; committed: string }>(
      `SELECT count(*) AS staged, count(reject) AS rejects,
              (SELECT coalesce(sum(line_count), 0) FROM catalog_import_segments WHERE import_id = $1) AS committed
         FROM ${tables.rows}`,
      [importId],
    );
    if (Number(check[0]!.staged) !== Number(check[0]!.committed)) throw new StagingLostError(Number(check[0]!.staged), Number(check[0]!.committed));
    // Rejects and empty lines stay in staging with kind NULL, which every later step skips.
    if (Number(check[0]!.rejects) > 0) {
      await client.query(
        `INSERT INTO catalog_import_rejects (import_id, line_no, reason, line)
         SELECT $1, line_no, reject, coalesce(raw, '') FROM ${tables.rows} WHERE reject IS NOT NULL
         ON CONFLICT DO NOTHING`,
        [importId],
      );
    }
    // Fresh statistics, or the planner takes the table for empty and picks nested loops.
    await client.query(`ANALYZE ${tables.rows}`);
    // Reject what cannot be merged. A rejected parent orphans its children, so repeat
    // while parents are rejected (products → variants → levels: at most three passes).
    for (let pass = 0; pass < 3; pass++) {
      await client.query('DROP TABLE IF EXISTS pg_temp.catalog_invalid_rows');
      const invalid = await client.query(`CREATE TEMP TABLE catalog_invalid_rows AS ${invalidRowsSql(tables.rows)}`);
      if (invalid.rowCount === 0) break;
      await client.query(
        `INSERT INTO catalog_import_rejects (import_id, line_no, reason, line)
         SELECT $1, r.line_no, b.reason, ${PARSED_LINE('r')}
           FROM pg_temp.catalog_invalid_rows b JOIN ${tables.rows} r ON r.line_no = b.line_no
         ON CONFLICT DO NOTHING`,
        [importId],
      );
      await client.query(`DELETE FROM ${tables.rows} r USING pg_temp.catalog_invalid_rows b WHERE r.line_no = b.line_no`);
      await client.query(`ANALYZE ${tables.rows}`);
      const parents = await client.query(`SELECT 1 FROM pg_temp.catalog_invalid_rows WHERE kind IN ('Product', 'ProductVariant') LIMIT 1`);
      if (parents.rowCount === 0) break;
    }
    await client.query('DROP TABLE IF EXISTS pg_temp.catalog_invalid_rows');
    // No index: the merge reads each kind once and joins by hash; an index would tempt the
    // planner into a million random reads.

    const counts = await client.query<{ rows: string; rejected: string }>(
      `SELECT (SELECT count(kind) FROM ${tables.rows}) AS rows,
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

/**
 * Rows that parsed but cannot be merged, with why: orphans (a child whose parent line was
 * rejected or is missing: a hash anti-join on the parents' IDs) and duplicate SKUs (a live
 * SKU must name one variant; the first in the file wins: a hash aggregate finds the SKUs
 * that repeat, and only their rows are numbered). The worker has checked every value
 * (and the typed COPY again), so only what needs the whole file is left. Set-based,
 * never a per-row subquery, and no sort of the whole table: this runs over millions of rows.
 */
function invalidRowsSql(rows: string): string {
  return `SELECT DISTINCT ON (line_no) line_no, kind, reason FROM (
      SELECT r.line_no, r.kind, 'parent ' || r.parent_gid || ' is not in the file' AS reason, 1 AS rank
        FROM ${rows} r
       WHERE r.kind IN ('ProductVariant', 'InventoryLevel', 'Metafield')
         AND NOT EXISTS (SELECT 1 FROM ${rows} p
                          WHERE p.gid = r.parent_gid
                            AND p.kind = CASE WHEN r.kind = 'InventoryLevel' THEN 'ProductVariant' ELSE 'Product' END)
      UNION ALL
      SELECT line_no, kind, 'duplicate SKU ' || sku, 2 FROM (
        SELECT line_no, kind, sku, row_number() OVER (PARTITION BY sku ORDER BY line_no) AS n
          FROM ${rows}
         WHERE kind = 'ProductVariant'
           AND sku IN (SELECT sku FROM ${rows} WHERE kind = 'ProductVariant' AND sku <> '' GROUP BY sku HAVING count(*) > 1)
      ) numbered WHERE n > 1
    ) found ORDER BY line_no, rank`;
}
