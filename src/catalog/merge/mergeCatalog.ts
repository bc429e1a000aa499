import type pg from 'pg';
import { stagingTables } from '../staging/stagingTables';

export interface TableMergeStats {
  /** Rows of this kind in the export. */
  staged: number;
  inserted: number;
  updated: number;
  /** In the export but not written: identical to what we hold, or older than it. */
  unchanged: number;
  /** Held here, gone from the export (soft-deleted, or deleted for inventory levels). */
  deleted: number;
}

export interface MergeStats {
  products: TableMergeStats;
  variants: TableMergeStats;
  inventoryLevels: TableMergeStats;
  metafields: TableMergeStats;
  locations: { upserted: number };
  /**
   * False when lines of the export were rejected: an object whose line was rejected (or
   * orphaned) is missing from staging although it still exists in Shopify, so this import
   * deletes nothing; the next clean import does.
   */
  deletionsApplied: boolean;
  ms: number;
}

export interface MergeInput {
  importId: string;
  shop: string;
  /** When Shopify started the export: every row it brings is versioned with this instant. */
  exportStartedAt: Date;
}

/**
 * Merges an import's typed staging rows into the catalog, set-based, in ONE transaction:
 * readers see the catalog before or after the import, never half of it.
 *
 * Versions: a staged row applies only when (its updatedAt, the export's start) is newer
 * than the (shopify_updated_at, source_event_at) we hold — so a webhook that arrived
 * after the export started is never overwritten by the export's older picture. A row
 * whose Shopify version and values are what we hold is not rewritten at all (a re-import
 * of an unchanged catalog writes nothing: unchanged rows are filtered out by a join before
 * the INSERT, because ON CONFLICT would lock, and so write, every row it meets). Deletions: what we hold and the export lacks
 * is removed only if we last heard of it before the export started (a product created
 * during the export is not in it, and must stay).
 */
export interface MergeOptions {
  /** Runs inside the merge's transaction, just before COMMIT: record the outcome atomically with it. */
  beforeCommit?: (client: pg.PoolClient, stats: MergeStats) => Promise<void>;
}

export async function mergeCatalog(pool: pg.Pool, input: MergeInput, options: MergeOptions = {}): Promise<MergeStats> {
  const { rows: staged } = stagingTables(input.importId);
  const started = Date.now();
  const client = await pool.connect();
  const params = [input.shop, input.exportStartedAt];
  const count = async (sql: string): Promise<Record<string, number>> => {
    const res = await client.query(sql, params);
    return Object.fromEntries(Object.entries(res.rows[0] ?? {}).map(([k, v]) => [k, Number(v ?? 0)]));
  };
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL work_mem = '256MB'`);
    const { rows: rejectedRows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM catalog_import_rejects WHERE import_id = $1', [input.importId]);
    const deletionsApplied = Number(rejectedRows[0]!.n) === 0;
    // Deletions first: a SKU freed by a deleted variant may be taken by another in this export.
    const deleted = !deletionsApplied ? {} : await count(`
      WITH p AS (
        UPDATE products t SET deleted_at = now(), shopify_updated_at = greatest(t.shopify_updated_at, $2), source_event_at = $2, synced_at = now()
         WHERE t.shop = $1 AND t.deleted_at IS NULL AND t.source_event_at < $2
           AND NOT EXISTS (SELECT 1 FROM ${staged} s WHERE s.kind = 'Product' AND s.gid = t.gid)
        RETURNING 1
      ), v AS (
        UPDATE product_variants t SET deleted_at = now(), shopify_updated_at = greatest(t.shopify_updated_at, $2), source_event_at = $2, synced_at = now()
         WHERE t.shop = $1 AND t.deleted_at IS NULL AND t.source_event_at < $2
           AND NOT EXISTS (SELECT 1 FROM ${staged} s WHERE s.kind = 'ProductVariant' AND s.gid = t.gid)
        RETURNING 1
      ), m AS (
        DELETE FROM product_metafields t
         WHERE t.shop = $1 AND t.source_event_at < $2
           AND NOT EXISTS (SELECT 1 FROM ${staged} s WHERE s.kind = 'Metafield' AND s.parent_gid = t.owner_gid AND s.namespace = t.namespace AND s.key = t.key)
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM p) AS products, (SELECT count(*) FROM v) AS variants, (SELECT count(*) FROM m) AS metafields`);

    const products = await count(`
      WITH src AS (
        SELECT DISTINCT ON (gid) gid, title, handle, coalesce(status, 'ACTIVE') AS status, vendor, product_type,
               coalesce(tags, '{}') AS tags, updated_at
          FROM ${staged} WHERE kind = 'Product' ORDER BY gid, line_no DESC
      ), changed AS (
        SELECT s.* FROM src s LEFT JOIN products t ON t.shop = $1 AND t.gid = s.gid
         WHERE t.gid IS NULL
            OR ((t.shopify_updated_at, t.source_event_at) < (s.updated_at, $2)
                AND (t.shopify_updated_at, t.title, t.handle, t.status, t.vendor, t.product_type, t.tags, t.deleted_at)
                    IS DISTINCT FROM (s.updated_at, s.title, s.handle, s.status, s.vendor, s.product_type, s.tags, NULL::timestamptz))
      ), up AS (
        INSERT INTO products AS t (shop, gid, title, handle, status, vendor, product_type, tags, shopify_updated_at, source_event_at, deleted_at, synced_at)
        SELECT $1, gid, title, handle, status, vendor, product_type, tags, updated_at, $2, NULL, now() FROM changed
        ON CONFLICT (shop, gid) DO UPDATE SET
          title = EXCLUDED.title, handle = EXCLUDED.handle, status = EXCLUDED.status, vendor = EXCLUDED.vendor,
          product_type = EXCLUDED.product_type, tags = EXCLUDED.tags, shopify_updated_at = EXCLUDED.shopify_updated_at,
          source_event_at = EXCLUDED.source_event_at, deleted_at = NULL, synced_at = now()
        WHERE (t.shopify_updated_at, t.source_event_at) < (EXCLUDED.shopify_updated_at, EXCLUDED.source_event_at)
          AND (t.shopify_updated_at, t.title, t.handle, t.status, t.vendor, t.product_type, t.tags, t.deleted_at)
              IS DISTINCT FROM (EXCLUDED.shopify_updated_at, EXCLUDED.title, EXCLUDED.handle, EXCLUDED.status, EXCLUDED.vendor, EXCLUDED.product_type, EXCLUDED.tags, NULL::timestamptz)
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (SELECT count(*) FROM src) AS staged, count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`);

    const variants = await count(`
      WITH src AS (
        SELECT DISTINCT ON (gid) gid, parent_gid, nullif(sku, '') AS sku, title, price,
               compare_at_price, inventory_item_gid, position,
               updated_at
          FROM ${staged} WHERE kind = 'ProductVariant' ORDER BY gid, line_no DESC
      ), changed AS (
        SELECT s.* FROM src s LEFT JOIN product_variants t ON t.shop = $1 AND t.gid = s.gid
         WHERE t.gid IS NULL
            OR ((t.shopify_updated_at, t.source_event_at) < (s.updated_at, $2)
                AND (t.shopify_updated_at, t.product_gid, t.sku, t.title, t.price, t.compare_at_price, t.inventory_item_gid, t.position, t.deleted_at)
                    IS DISTINCT FROM (s.updated_at, s.parent_gid, s.sku, s.title, s.price, s.compare_at_price, s.inventory_item_gid, s.position, NULL::timestamptz))
      ), up AS (
        INSERT INTO product_variants AS t (shop, gid, product_gid, sku, title, price, compare_at_price, inventory_item_gid, position,
                                           shopify_updated_at, source_event_at, deleted_at, synced_at)
        SELECT $1, gid, parent_gid, sku, title, price, compare_at_price, inventory_item_gid, position, updated_at, $2, NULL, now() FROM changed
        ON CONFLICT (shop, gid) DO UPDATE SET
          product_gid = EXCLUDED.product_gid, sku = EXCLUDED.sku, title = EXCLUDED.title, price = EXCLUDED.price,
          compare_at_price = EXCLUDED.compare_at_price, inventory_item_gid = EXCLUDED.inventory_item_gid, position = EXCLUDED.position,
          shopify_updated_at = EXCLUDED.shopify_updated_at, source_event_at = EXCLUDED.source_event_at, deleted_at = NULL, synced_at = now()
        WHERE (t.shopify_updated_at, t.source_event_at) < (EXCLUDED.shopify_updated_at, EXCLUDED.source_event_at)
          AND (t.shopify_updated_at, t.product_gid, t.sku, t.title, t.price, t.compare_at_price, t.inventory_item_gid, t.position, t.deleted_at)
              IS DISTINCT FROM (EXCLUDED.shopify_updated_at, EXCLUDED.product_gid, EXCLUDED.sku, EXCLUDED.title, EXCLUDED.price,
                                EXCLUDED.compare_at_price, EXCLUDED.inventory_item_gid, EXCLUDED.position, NULL::timestamptz)
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (SELECT count(*) FROM src) AS staged, count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`);

    // A level's inventory item is its variant's: join each level line to its parent variant line.
    await client.query(`
      CREATE TEMP TABLE catalog_levels ON COMMIT DROP AS
      SELECT DISTINCT ON (v.inventory_item_gid, l.location_gid)
             v.inventory_item_gid, l.location_gid, l.location_name, l.available, l.updated_at
        FROM ${staged} l JOIN ${staged} v ON v.kind = 'ProductVariant' AND v.gid = l.parent_gid
       WHERE l.kind = 'InventoryLevel' AND v.inventory_item_gid IS NOT NULL
       ORDER BY v.inventory_item_gid, l.location_gid, l.line_no DESC`);

    const locations = await count(`
      WITH src AS (SELECT DISTINCT ON (location_gid) location_gid, coalesce(location_name, location_gid) AS name FROM catalog_levels ORDER BY location_gid),
      up AS (
        INSERT INTO locations AS t (shop, gid, name, active, shopify_updated_at, source_event_at, deleted_at, synced_at)
        SELECT $1, location_gid, name, true, $2, $2, NULL, now() FROM src
        ON CONFLICT (shop, gid) DO UPDATE SET name = EXCLUDED.name, synced_at = now()
        WHERE t.source_event_at < EXCLUDED.source_event_at AND t.name IS DISTINCT FROM EXCLUDED.name
        RETURNING 1
      )
      SELECT count(*) AS upserted FROM up`);

    const levelsDeleted = !deletionsApplied ? {} : await count(`
      WITH d AS (
        DELETE FROM inventory_levels t
         WHERE t.shop = $1 AND t.source_event_at < $2
           AND NOT EXISTS (SELECT 1 FROM catalog_levels s WHERE s.inventory_item_gid = t.inventory_item_gid AND s.location_gid = t.location_gid)
        RETURNING 1
      ) SELECT count(*) AS deleted FROM d`);

    const levels = await count(`
      WITH changed AS (
        SELECT s.* FROM catalog_levels s
          LEFT JOIN inventory_levels t ON t.shop = $1 AND t.inventory_item_gid = s.inventory_item_gid AND t.location_gid = s.location_gid
         WHERE t.inventory_item_gid IS NULL
            OR ((t.shopify_updated_at, t.source_event_at) < (s.updated_at, $2)
                AND (t.shopify_updated_at, t.available) IS DISTINCT FROM (s.updated_at, s.available))
      ), up AS (
        INSERT INTO inventory_levels AS t (shop, inventory_item_gid, location_gid, available, shopify_updated_at, source_event_at, synced_at)
        SELECT $1, inventory_item_gid, location_gid, available, updated_at, $2, now() FROM changed
        ON CONFLICT (shop, inventory_item_gid, location_gid) DO UPDATE SET
          available = EXCLUDED.available, shopify_updated_at = EXCLUDED.shopify_updated_at, source_event_at = EXCLUDED.source_event_at, synced_at = now()
        WHERE (t.shopify_updated_at, t.source_event_at) < (EXCLUDED.shopify_updated_at, EXCLUDED.source_event_at)
          AND (t.shopify_updated_at, t.available) IS DISTINCT FROM (EXCLUDED.shopify_updated_at, EXCLUDED.available)
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (SELECT count(*) FROM catalog_levels) AS staged, count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`);

    const metafields = await count(`
      WITH src AS (
        SELECT DISTINCT ON (parent_gid, namespace, key) parent_gid, namespace, key, type, value, updated_at
          FROM ${staged} WHERE kind = 'Metafield' ORDER BY parent_gid, namespace, key, line_no DESC
      ), changed AS (
        SELECT s.* FROM src s
          LEFT JOIN product_metafields t ON t.shop = $1 AND t.owner_gid = s.parent_gid AND t.namespace = s.namespace AND t.key = s.key
         WHERE t.owner_gid IS NULL
            OR ((t.shopify_updated_at, t.source_event_at) < (s.updated_at, $2)
                AND (t.shopify_updated_at, t.type, t.value) IS DISTINCT FROM (s.updated_at, s.type, s.value))
      ), up AS (
        INSERT INTO product_metafields AS t (shop, owner_gid, namespace, key, type, value, shopify_updated_at, source_event_at, synced_at)
        SELECT $1, parent_gid, namespace, key, type, value, updated_at, $2, now() FROM changed
        ON CONFLICT (shop, owner_gid, namespace, key) DO UPDATE SET
          type = EXCLUDED.type, value = EXCLUDED.value, shopify_updated_at = EXCLUDED.shopify_updated_at, source_event_at = EXCLUDED.source_event_at, synced_at = now()
        WHERE (t.shopify_updated_at, t.source_event_at) < (EXCLUDED.shopify_updated_at, EXCLUDED.source_event_at)
          AND (t.shopify_updated_at, t.type, t.value) IS DISTINCT FROM (EXCLUDED.shopify_updated_at, EXCLUDED.type, EXCLUDED.value)
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (SELECT count(*) FROM src) AS staged, count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`);

    const stats = (c: Record<string, number>, deletedRows: number): TableMergeStats => ({
      staged: c.staged ?? 0,
      inserted: c.inserted ?? 0,
      updated: c.updated ?? 0,
      unchanged: (c.staged ?? 0) - (c.inserted ?? 0) - (c.updated ?? 0),
      deleted: deletedRows,
    });
    const result: MergeStats = {
      products: stats(products, deleted.products ?? 0),
      variants: stats(variants, deleted.variants ?? 0),
      inventoryLevels: stats(levels, levelsDeleted.deleted ?? 0),
      metafields: stats(metafields, deleted.metafields ?? 0),
      locations: { upserted: locations.upserted ?? 0 },
      deletionsApplied,
      ms: Date.now() - started,
    };
    await options.beforeCommit?.(client, result);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
