import type pg from 'pg';
import type { PriceBreak } from '../domain/carts/pricing';
import type { Destination, StockByItem, WarehouseRoute } from '../domain/carts/routing';
import { parseMoney, type Money } from '../domain/money/decimal';
import type { CatalogLine, QuantityRule, QuotaRule } from '../domain/validation/context';

export interface CatalogVariantRow extends CatalogLine {
  title: string;
}

export interface LocationSettings {
  requiresApproval: boolean;
  approvalThreshold: Money | null;
  creditLimit: Money | null;
  openBalance: Money;
  allowedLocationGids: string[] | null;
}

const money = (v: string | null) => (v === null ? null : parseMoney(v));

/**
 * The reads cart validation and draft preparation share: the catalog, a location's rules,
 * stock and routes — each one statement over arrays, however many lines the cart has.
 */
/**
 * A statement whose one row holds its result as a JSON array (json_agg, NULL when empty).
 * For the thousands of rows of a large cart, parsing one JSON text natively costs a fraction
 * of pg's per-row, per-field decoding (bench:validate).
 */
async function jsonRows<T>(pool: pg.Pool, name: string | undefined, sql: string, params: unknown[]): Promise<T[]> {
  const { rows } = await pool.query<{ json_agg: T[] | null }>({ name, text: sql, values: params });
  return rows[0]?.json_agg ?? [];
}

export function createRulesRepository(pool: pg.Pool) {
  return {
    /** Live variants named by SKU or GID, with their product's status. */
    async catalogLines(shop: string, skus: readonly string[], gids: readonly string[]): Promise<CatalogVariantRow[]> {
      const rows = await jsonRows<[string, string, string | null, string, string, string | null, string | null]>(
        pool,
        'rules.catalogLines',
        // By SKU and by GID apart, each through its index (an OR of the two scans the table),
        // joined from the cart's keys so the planner probes indexes instead of scanning; a
        // variant named both ways comes twice and is deduplicated here (UNION sorted whole rows).
        // The product is probed per variant (LATERAL … LIMIT 1 keeps the planner from turning
        // it into a hash of the shop's whole products table, 20,000 rows, for every cart).
        `WITH v AS (
           SELECT v.* FROM unnest($2::text[]) AS k(sku)
             JOIN product_variants v ON v.shop = $1 AND v.sku = k.sku AND v.sku <> '' AND v.deleted_at IS NULL
           UNION ALL
           SELECT v.* FROM unnest($3::text[]) AS k(gid)
             JOIN product_variants v ON v.shop = $1 AND v.gid = k.gid AND v.deleted_at IS NULL
         )
         SELECT json_agg(json_build_array(v.gid, v.product_gid, v.sku,
                  coalesce(p.title || coalesce(' — ' || nullif(v.title, 'Default Title'), ''), v.title, v.sku),
                  v.price::text, v.inventory_item_gid, p.status))
           FROM v LEFT JOIN LATERAL (
             SELECT p.title, p.status FROM products p WHERE p.shop = v.shop AND p.gid = v.product_gid AND p.deleted_at IS NULL LIMIT 1
           ) p ON true`,
        [shop, skus, gids],
      );
      const seen = new Set<string>();
      return rows.flatMap(([gid, productGid, sku, title, price, inventoryItemGid, status]) => {
        if (seen.has(gid)) return [];
        seen.add(gid);
        return [{
        variantGid: gid,
        productGid,
        sku,
        title,
        listPrice: parseMoney(price),
        inventoryItemGid,
          productActive: status === 'ACTIVE',
        }];
      });
    },

    async negotiatedPrices(shop: string, companyLocationGid: string, variantGids: readonly string[]): Promise<Map<string, PriceBreak[]>> {
      const rows = await jsonRows<[string, number[], string[]]>(
        pool,
        'rules.negotiatedPrices',
        // Probed per variant through the primary key (an `= ANY(array)` filter compared every
        // price row with every cart variant).
        `SELECT json_agg(json_build_array(k.gid, b.mins, b.prices))
           FROM unnest($3::text[]) AS k(gid) CROSS JOIN LATERAL (
             SELECT array_agg(min_quantity ORDER BY min_quantity) AS mins, array_agg(price::text ORDER BY min_quantity) AS prices
               FROM negotiated_prices WHERE shop = $1 AND company_location_gid = $2 AND variant_gid = k.gid
           ) b
          WHERE b.mins IS NOT NULL`,
        [shop, companyLocationGid, variantGids],
      );
      return new Map(rows.map(([variant, mins, prices]) => [variant, mins.map((minQuantity, i) => ({ minQuantity, price: parseMoney(prices[i]!) }))]));
    },

    async stock(shop: string, inventoryItemGids: readonly string[]): Promise<StockByItem> {
      const rows = await jsonRows<[string, string[], number[]]>(
        pool,
        'rules.stock',
        // Aggregated per item as it is probed (a GROUP BY over the join hashed, and spilled).
        `SELECT json_agg(json_build_array(k.gid, l.locations, l.available))
           FROM unnest($2::text[]) AS k(gid) CROSS JOIN LATERAL (
             SELECT array_agg(location_gid) AS locations, array_agg(available) AS available
               FROM inventory_levels WHERE shop = $1 AND inventory_item_gid = k.gid
           ) l
          WHERE l.locations IS NOT NULL`,
        [shop, inventoryItemGids],
      );
      return new Map(rows.map(([item, locations, available]) => [item, new Map(locations.map((location, i) => [location, available[i]!]))]));
    },

    async routes(shop: string): Promise<WarehouseRoute[]> {
      const { rows } = await pool.query<{ country_code: string | null; province_code: string | null; location_gids: string[] }>(
        'SELECT country_code, province_code, location_gids FROM warehouse_routes WHERE shop = $1',
        [shop],
      );
      return rows.map((r) => ({ countryCode: r.country_code, provinceCode: r.province_code, locationGids: r.location_gids }));
    },

    /** Where the location ships to when the cart gives no address. */
    async locationDestination(shop: string, companyLocationGid: string): Promise<Destination> {
      const { rows } = await pool.query<{ country_code: string | null; province_code: string | null }>('SELECT country_code, province_code FROM company_locations WHERE shop = $1 AND gid = $2', [
        shop,
        companyLocationGid,
      ]);
      return { countryCode: rows[0]?.country_code ?? null, provinceCode: rows[0]?.province_code ?? null };
    },

    async locationSettings(shop: string, companyLocationGid: string): Promise<LocationSettings> {
      const { rows } = await pool.query<{ requires_approval: boolean; approval_threshold: string | null; credit_limit: string | null; open_balance: string; allowed_location_gids: string[] | null }>(
        'SELECT requires_approval, approval_threshold, credit_limit, open_balance, allowed_location_gids FROM company_location_settings WHERE shop = $1 AND company_location_gid = $2',
        [shop, companyLocationGid],
      );
      const r = rows[0];
      return {
        requiresApproval: r?.requires_approval ?? false,
        approvalThreshold: money(r?.approval_threshold ?? null),
        creditLimit: money(r?.credit_limit ?? null),
        openBalance: parseMoney(r?.open_balance ?? '0'),
        allowedLocationGids: r?.allowed_location_gids ?? null,
      };
    },

    /** The location's own rules and the shop-wide ones for these variants and products (the location's first). */
    async quantityRules(shop: string, companyLocationGid: string, scopeGids: readonly string[]): Promise<QuantityRule[]> {
      const rows = await jsonRows<['variant' | 'product', string, number | null, number | null, number | null]>(
        pool,
        undefined,
        `SELECT json_agg(json_build_array(scope_type, scope_gid, min_quantity, max_quantity, increment) ORDER BY (company_location_gid IS NULL), id)
           FROM quantity_rules
          WHERE shop = $1 AND (company_location_gid = $2 OR company_location_gid IS NULL) AND scope_gid = ANY($3::text[])`,
        [shop, companyLocationGid, scopeGids],
      );
      return rows.map(([type, gid, min, max, increment]) => ({ scope: { type, gid }, min, max, increment }));
    },

    /**
     * The location's quotas for these variants and products, each with what its orders
     * (not cancelled) used since the start of the current period, plus what its carts still
     * on their way to becoming orders (creating, awaiting approval, completing) hold — so two
     * carts cannot both take the last of a quota. `excludeGroupId`: the cart being checked.
     */
    async quotas(shop: string, companyLocationGid: string, scopeGids: readonly string[], excludeGroupId: string | null = null): Promise<QuotaRule[]> {
      // One pass over the location's order lines since the earliest period start, joined to
      // the rules by hash (variant rules and product rules apart: an OR would defeat the hash).
      const rows = await jsonRows<['variant' | 'product', string, QuotaRule['period'], number, number]>(
        pool,
        undefined,
        `WITH q AS MATERIALIZED (
           SELECT id, scope_type, scope_gid, period, max_quantity,
                  date_trunc(period, now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS since
             FROM quota_rules WHERE shop = $1 AND company_location_gid = $2 AND scope_gid = ANY($3::text[])
         ), l AS MATERIALIZED (
           SELECT li.variant_gid, li.product_gid, li.quantity, o.processed_at
             FROM orders o JOIN order_line_items li ON li.shop = o.shop AND li.order_gid = o.gid
            WHERE o.shop = $1 AND o.company_location_gid = $2 AND o.cancelled_at IS NULL
              AND o.processed_at >= (SELECT min(since) FROM q)
         ), p AS MATERIALIZED (
           SELECT cl.variant_gid, v.product_gid, cl.quantity
             FROM cart_groups g JOIN cart_lines cl ON cl.group_id = g.id
             LEFT JOIN product_variants v ON v.shop = g.shop AND v.gid = cl.variant_gid
            WHERE g.shop = $1 AND g.company_location_gid = $2 AND g.status IN ('creating', 'awaiting_approval', 'completing')
              AND g.id IS DISTINCT FROM $4::uuid
         ), used AS (
           SELECT q.id, l.quantity FROM q JOIN l ON q.scope_type = 'variant' AND l.variant_gid = q.scope_gid AND l.processed_at >= q.since
           UNION ALL
           SELECT q.id, l.quantity FROM q JOIN l ON q.scope_type = 'product' AND l.product_gid = q.scope_gid AND l.processed_at >= q.since
           UNION ALL
           SELECT q.id, p.quantity FROM q JOIN p ON q.scope_type = 'variant' AND p.variant_gid = q.scope_gid
           UNION ALL
           SELECT q.id, p.quantity FROM q JOIN p ON q.scope_type = 'product' AND p.product_gid = q.scope_gid
         )
         SELECT json_agg(json_build_array(q.scope_type, q.scope_gid, q.period, q.max_quantity, coalesce(u.used, 0)))
           FROM q LEFT JOIN (SELECT id, sum(quantity) AS used FROM used GROUP BY id) u ON u.id = q.id`,
        [shop, companyLocationGid, scopeGids, excludeGroupId],
      );
      return rows.map(([type, gid, period, maxQuantity, used]) => ({ scope: { type, gid }, period, maxQuantity, used: Number(used) }));
    },

    /** What the location's carts on their way to becoming orders add to its exposure (credit limit). */
    async pendingCartsTotal(shop: string, companyLocationGid: string, excludeGroupId: string | null = null): Promise<Money> {
      const { rows } = await pool.query<{ total: string }>(
        `SELECT coalesce(sum(total), 0) AS total FROM cart_groups
          WHERE shop = $1 AND company_location_gid = $2 AND status IN ('creating', 'awaiting_approval', 'completing') AND id IS DISTINCT FROM $3::uuid`,
        [shop, companyLocationGid, excludeGroupId],
      );
      return parseMoney(rows[0]!.total);
    },

    /** The shop's currency as last read from Shopify (null until a draft was created). */
    async shopCurrency(shop: string): Promise<string | null> {
      const { rows } = await pool.query<{ currency_code: string | null }>('SELECT currency_code FROM shops WHERE domain = $1', [shop]);
      return rows[0]?.currency_code ?? null;
    },

    async negotiatedPriceRequired(shop: string, productGids: readonly string[]): Promise<Set<string>> {
      const { rows } = await pool.query<{ product_gid: string }>('SELECT product_gid FROM negotiated_price_required WHERE shop = $1 AND product_gid = ANY($2::text[])', [shop, productGids]);
      return new Set(rows.map((r) => r.product_gid));
    },
  };
}

export type RulesRepository = ReturnType<typeof createRulesRepository>;
