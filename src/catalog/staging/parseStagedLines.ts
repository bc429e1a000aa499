import type pg from 'pg';
import { AppError } from '../../errors';
import { stagingTables } from './stagingTables';

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

/** A staged row's line number in the file, from the segment that staged it. */
const LINE_NO = (alias: string) => `(SELECT s.first_line + (${alias}.seq - s.first_seq) FROM catalog_import_segments s
   WHERE s.import_id = $1 AND ${alias}.seq BETWEEN s.first_seq AND s.first_seq + s.line_count - 1)`;

/**
 * PostgreSQL parses the staged lines (each exactly once) into one typed row per object,
 * with `CREATE TABLE AS`, which may use parallel workers. Shopify's JSONL gives every
 * child a `__parentId`, so no order is needed: children are joined to parents by ID in
 * the merge. Lines that cannot be used go to catalog_import_rejects with their line
 * number; past `maxRejects` the import fails.
 */
export async function parseStagedLines(pool: pg.Pool, importId: string, options: { maxRejects: number }): Promise<ParseResult> {
  const tables = stagingTables(importId);
  const client = await pool.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS ${tables.rows}`);
    try {
      await client.query(createRowsSql(tables.lines, tables.rows));
    } catch (err) {
      if ((err as { code?: string }).code !== '22P02') throw err;
      // Some line is not JSON. Only now pay for a second look: find every such line,
      // keep it as a reject, and parse the rest.
      await client.query(
        `INSERT INTO catalog_import_rejects (import_id, line_no, reason, line)
         SELECT $1, ${LINE_NO('l')}, 'malformed JSON', left(coalesce(l.line, ''), 4096)
           FROM ${tables.lines} l
          WHERE l.line IS NULL OR NOT pg_input_is_valid(l.line, 'jsonb')
         ON CONFLICT DO NOTHING`,
        [importId],
      );
      await client.query(`DELETE FROM ${tables.lines} WHERE line IS NULL OR NOT pg_input_is_valid(line, 'jsonb')`);
      await client.query(createRowsSql(tables.lines, tables.rows));
    }
    // Fresh statistics, or the planner takes the new table for empty and picks nested loops.
    await client.query(`ANALYZE ${tables.rows}`);
    // Reject what cannot be merged. A rejected parent orphans its children, so repeat
    // while parents are rejected (products → variants → levels: at most three passes).
    for (let pass = 0; pass < 3; pass++) {
      await client.query('DROP TABLE IF EXISTS pg_temp.catalog_invalid_rows');
      await client.query(`CREATE TEMP TABLE catalog_invalid_rows AS ${invalidRowsSql(tables.rows)}`);
      await client.query(
        `INSERT INTO catalog_import_rejects (import_id, line_no, reason, line)
         SELECT $1, ${LINE_NO('b')}, b.reason, left(coalesce(l.line, ''), 4096)
           FROM pg_temp.catalog_invalid_rows b JOIN ${tables.lines} l ON l.seq = b.seq
         ON CONFLICT DO NOTHING`,
        [importId],
      );
      await client.query(`DELETE FROM ${tables.rows} r USING pg_temp.catalog_invalid_rows b WHERE r.seq = b.seq`);
      const parents = await client.query(`SELECT 1 FROM pg_temp.catalog_invalid_rows WHERE kind IN ('Product', 'ProductVariant') LIMIT 1`);
      if (parents.rowCount === 0) break;
    }
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
    if (result.rejected > options.maxRejects) throw new TooManyRejectsError(result.rejected, options.maxRejects);
    return result;
  } finally {
    client.release();
  }
}

/** One pass over the lines: parse each once (LATERAL), pull out every field any kind of row needs. */
function createRowsSql(lines: string, rows: string): string {
  return `CREATE UNLOGGED TABLE ${rows} AS
    SELECT l.seq,
           CASE WHEN jsonb_typeof(p.j) = 'object' THEN split_part(split_part(p.j->>'id', '/', 4), '?', 1) END AS kind,
           p.j->>'id' AS gid,
           p.j->>'__parentId' AS parent_gid,
           p.j->>'updatedAt' AS updated_at,
           p.j->>'title' AS title,
           p.j->>'handle' AS handle,
           p.j->>'status' AS status,
           p.j->>'vendor' AS vendor,
           p.j->>'productType' AS product_type,
           CASE WHEN jsonb_typeof(p.j->'tags') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(p.j->'tags')) END AS tags,
           p.j->>'sku' AS sku,
           p.j->>'price' AS price,
           p.j->>'compareAtPrice' AS compare_at_price,
           p.j->>'position' AS position,
           p.j#>>'{inventoryItem,id}' AS inventory_item_gid,
           p.j#>>'{location,id}' AS location_gid,
           p.j#>>'{location,name}' AS location_name,
           CASE WHEN jsonb_typeof(p.j->'quantities') = 'array' THEN
             (SELECT q->>'quantity' FROM jsonb_array_elements(p.j->'quantities') q WHERE q->>'name' = 'available' LIMIT 1)
           END AS available,
           p.j->>'namespace' AS namespace,
           p.j->>'key' AS key,
           p.j->>'type' AS type,
           p.j->>'value' AS value
      -- OFFSET 0 keeps the planner from inlining the subquery, which would put
      -- l.line::jsonb in place of every p.j above: twenty parses per line instead of one.
      FROM ${lines} l, LATERAL (SELECT l.line::jsonb AS j OFFSET 0) p
     WHERE l.line IS NOT NULL`;
}

const validTime = (col: string) => `(${col} IS NOT NULL AND pg_input_is_valid(${col}, 'timestamptz'))`;

/**
 * Rows that parsed but cannot be merged, with why. Orphans (a child whose parent line was
 * rejected or is missing) and duplicate SKUs (a live SKU must name one variant; the first
 * in the file wins) are rejected too, so the merge never half-applies an object. Set-based
 * (joins and a window), never a per-row subquery: this runs over millions of rows.
 */
function invalidRowsSql(rows: string): string {
  return `SELECT seq, kind, reason FROM (
    SELECT r.seq, r.kind,
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
      SELECT seq, row_number() OVER (PARTITION BY sku ORDER BY seq) AS n
        FROM ${rows} WHERE kind = 'ProductVariant' AND coalesce(sku, '') <> ''
    ) dup ON dup.seq = r.seq
  ) checked WHERE reason IS NOT NULL`;
}
