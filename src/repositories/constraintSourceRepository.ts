import type pg from 'pg';
import type { LocationConstraintData, ShopWideRuleData } from '../domain/constraints/locationConstraints';
import { RESERVING_CART_STATUSES } from '../domain/carts/reservation';
import { parseMoney } from '../domain/money/decimal';
import type { QuantityRule, QuotaRule } from '../domain/validation/context';

/** Cart groups that count as owed and as ordered before they are orders (rulesRepository agrees). */
const IN_FLIGHT = RESERVING_CART_STATUSES;

/**
 * What checkout needs of many company locations at once, for the constraint sync: every
 * statement takes the batch's location GIDs as one array, so 10,000 locations are a few
 * dozen round trips, not tens of thousands.
 */
export function createConstraintSourceRepository(pool: pg.Pool) {
  return {
    /** Every company location that has (or had pushed) a rule checkout enforces. */
    async allLocations(shop: string): Promise<string[]> {
      const { rows } = await pool.query<{ gid: string }>(
        `SELECT company_location_gid AS gid FROM company_location_settings WHERE shop = $1 AND credit_limit IS NOT NULL
         UNION SELECT company_location_gid FROM quota_rules WHERE shop = $1
         UNION SELECT company_location_gid FROM quantity_rules WHERE shop = $1 AND company_location_gid IS NOT NULL
         UNION SELECT DISTINCT company_location_gid FROM negotiated_prices WHERE shop = $1
         UNION SELECT owner_gid FROM metafield_sync_state WHERE shop = $1 AND owner_gid LIKE 'gid://shopify/CompanyLocation/%'
         ORDER BY 1`,
        [shop],
      );
      return rows.map((r) => r.gid);
    },

    /**
     * Locations marked dirty, with the mark's time (cleared only if it did not move during
     * the run). The time stays text: a JavaScript Date would drop PostgreSQL's microseconds,
     * and the mark would never match again.
     */
    async dirtyLocations(shop: string): Promise<{ gid: string; markedAt: string }[]> {
      const { rows } = await pool.query<{ gid: string; marked_at: string }>('SELECT company_location_gid AS gid, marked_at::text FROM constraint_sync_dirty WHERE shop = $1 ORDER BY marked_at', [shop]);
      return rows.map((r) => ({ gid: r.gid, markedAt: r.marked_at }));
    },

    async clearDirty(shop: string, marks: readonly { gid: string; markedAt: string }[]): Promise<void> {
      if (marks.length === 0) return;
      await pool.query(
        `DELETE FROM constraint_sync_dirty d USING unnest($2::text[], $3::timestamptz[]) AS m(gid, marked_at)
          WHERE d.shop = $1 AND d.company_location_gid = m.gid AND d.marked_at = m.marked_at`,
        [shop, marks.map((m) => m.gid), marks.map((m) => m.markedAt)],
      );
    },

    async locationData(shop: string, gids: readonly string[]): Promise<Map<string, LocationConstraintData>> {
      const [quotas, qty, prices, credit] = await Promise.all([quotasWithUsage(pool, shop, gids), locationQuantityRules(pool, shop, gids), priceStarts(pool, shop, gids), creditRemaining(pool, shop, gids)]);
      const out = new Map<string, LocationConstraintData>();
      for (const gid of gids) {
        out.set(gid, { quotas: quotas.get(gid) ?? [], quantityRules: qty.get(gid) ?? [], priceStarts: prices.get(gid) ?? [], creditRemaining: credit.get(gid) ?? null });
      }
      return out;
    },

    /** Shop-wide quantity rules and negotiated-price-only products (they live on products and variants). */
    async shopWide(shop: string): Promise<ShopWideRuleData> {
      const [rules, required] = await Promise.all([
        pool.query<{ scope_type: 'variant' | 'product'; scope_gid: string; min_quantity: number | null; max_quantity: number | null; increment: number | null }>(
          'SELECT scope_type, scope_gid, min_quantity, max_quantity, increment FROM quantity_rules WHERE shop = $1 AND company_location_gid IS NULL ORDER BY id',
          [shop],
        ),
        pool.query<{ product_gid: string }>('SELECT product_gid FROM negotiated_price_required WHERE shop = $1 ORDER BY product_gid', [shop]),
      ]);
      return {
        quantityRules: rules.rows.map((r) => ({ scope: { type: r.scope_type, gid: r.scope_gid }, min: r.min_quantity, max: r.max_quantity, increment: r.increment })),
        negotiatedPriceRequired: required.rows.map((r) => r.product_gid),
      };
    },
  };
}

const group = <T>(rows: { gid: string; item: T }[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.gid, [...(out.get(r.gid) ?? []), r.item]);
  return out;
};

/**
 * Each quota with what the location's orders (not cancelled) used since the start of its
 * period, plus its carts on their way to becoming orders — the same usage rulesRepository
 * counts for a cart, for many locations in one pass over their order lines.
 */
async function quotasWithUsage(pool: pg.Pool, shop: string, gids: readonly string[]): Promise<Map<string, QuotaRule[]>> {
  const { rows } = await pool.query<{ gid: string; scope_type: 'variant' | 'product'; scope_gid: string; period: QuotaRule['period']; max_quantity: number; used: string }>(
    `WITH q AS MATERIALIZED (
       SELECT id, company_location_gid AS gid, scope_type, scope_gid, period, max_quantity,
              date_trunc(period, now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS since
         FROM quota_rules WHERE shop = $1 AND company_location_gid = ANY($2::text[])
     ), l AS MATERIALIZED (
       SELECT o.company_location_gid AS gid, li.variant_gid, li.product_gid, li.quantity, o.processed_at
         FROM orders o JOIN order_line_items li ON li.shop = o.shop AND li.order_gid = o.gid
        WHERE o.shop = $1 AND o.company_location_gid = ANY($2::text[]) AND o.cancelled_at IS NULL
          AND o.processed_at >= (SELECT min(since) FROM q)
     ), p AS MATERIALIZED (
       SELECT g.company_location_gid AS gid, cl.variant_gid, v.product_gid, cl.quantity
         FROM cart_groups g JOIN cart_lines cl ON cl.group_id = g.id
         LEFT JOIN product_variants v ON v.shop = g.shop AND v.gid = cl.variant_gid
        WHERE g.shop = $1 AND g.company_location_gid = ANY($2::text[]) AND g.status::text = ANY($3::text[])
     ), used AS (
       SELECT q.id, l.quantity FROM q JOIN l ON l.gid = q.gid AND q.scope_type = 'variant' AND l.variant_gid = q.scope_gid AND l.processed_at >= q.since
       UNION ALL
       SELECT q.id, l.quantity FROM q JOIN l ON l.gid = q.gid AND q.scope_type = 'product' AND l.product_gid = q.scope_gid AND l.processed_at >= q.since
       UNION ALL
       SELECT q.id, p.quantity FROM q JOIN p ON p.gid = q.gid AND q.scope_type = 'variant' AND p.variant_gid = q.scope_gid
       UNION ALL
       SELECT q.id, p.quantity FROM q JOIN p ON p.gid = q.gid AND q.scope_type = 'product' AND p.product_gid = q.scope_gid
     )
     SELECT q.gid, q.scope_type, q.scope_gid, q.period, q.max_quantity, coalesce(u.used, 0) AS used
       FROM q LEFT JOIN (SELECT id, sum(quantity) AS used FROM used GROUP BY id) u ON u.id = q.id
      ORDER BY q.id`,
    [shop, gids, IN_FLIGHT],
  );
  return group(rows.map((r) => ({ gid: r.gid, item: { scope: { type: r.scope_type, gid: r.scope_gid }, period: r.period, maxQuantity: r.max_quantity, used: Number(r.used) } })));
}

async function locationQuantityRules(pool: pg.Pool, shop: string, gids: readonly string[]): Promise<Map<string, QuantityRule[]>> {
  const { rows } = await pool.query<{ gid: string; scope_type: 'variant' | 'product'; scope_gid: string; min_quantity: number | null; max_quantity: number | null; increment: number | null }>(
    'SELECT company_location_gid AS gid, scope_type, scope_gid, min_quantity, max_quantity, increment FROM quantity_rules WHERE shop = $1 AND company_location_gid = ANY($2::text[]) ORDER BY id',
    [shop, gids],
  );
  return group(rows.map((r) => ({ gid: r.gid, item: { scope: { type: r.scope_type, gid: r.scope_gid }, min: r.min_quantity, max: r.max_quantity, increment: r.increment } })));
}

/** For variants of negotiated-price-only products: the lowest quantity the location has a price for. */
async function priceStarts(pool: pg.Pool, shop: string, gids: readonly string[]): Promise<Map<string, { variantGid: string; minQuantity: number }[]>> {
  const { rows } = await pool.query<{ gid: string; variant_gid: string; min_quantity: number }>(
    `SELECT np.company_location_gid AS gid, np.variant_gid, min(np.min_quantity) AS min_quantity
       FROM negotiated_prices np
       JOIN product_variants v ON v.shop = np.shop AND v.gid = np.variant_gid AND v.deleted_at IS NULL
       JOIN negotiated_price_required r ON r.shop = np.shop AND r.product_gid = v.product_gid
      WHERE np.shop = $1 AND np.company_location_gid = ANY($2::text[])
      GROUP BY np.company_location_gid, np.variant_gid
      ORDER BY 1, 2`,
    [shop, gids],
  );
  return group(rows.map((r) => ({ gid: r.gid, item: { variantGid: r.variant_gid, minQuantity: r.min_quantity } })));
}

/** Credit limit − open balance − carts on their way to becoming orders. */
async function creditRemaining(pool: pg.Pool, shop: string, gids: readonly string[]) {
  const { rows } = await pool.query<{ gid: string; remaining: string }>(
    `SELECT s.company_location_gid AS gid, s.credit_limit - s.open_balance - coalesce(p.total, 0) AS remaining
       FROM company_location_settings s
       LEFT JOIN (SELECT company_location_gid, sum(total) AS total FROM cart_groups
                   WHERE shop = $1 AND company_location_gid = ANY($2::text[]) AND status::text = ANY($3::text[]) GROUP BY 1) p
         ON p.company_location_gid = s.company_location_gid
      WHERE s.shop = $1 AND s.company_location_gid = ANY($2::text[]) AND s.credit_limit IS NOT NULL`,
    [shop, gids, IN_FLIGHT],
  );
  return new Map(rows.map((r) => [r.gid, parseMoney(r.remaining)]));
}

export type ConstraintSourceRepository = ReturnType<typeof createConstraintSourceRepository>;
