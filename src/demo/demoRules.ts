import type { Pool } from 'pg';
import { DemoError } from './demoClient';
import { CASE_PACK, CASE_PACK_SKU_POSITION, MIN_DEMO_SKUS, QUOTA, QUOTA_SKU_POSITION, WAREHOUSE_ROUTES, type DemoLocation } from './demoShop';

export interface DemoSku {
  sku: string;
  gid: string;
  productGid: string;
  /** List price (decimal string). */
  price: string;
  /** Units available at the first warehouse (Main Warehouse), where US carts ship from. */
  mainStock: number;
}

export interface SeededRules {
  /** The catalog's first SKUs in catalog order (the demo cart orders the first 1,200). */
  skus: DemoSku[];
  quotaSku: DemoSku;
  casePackSku: DemoSku;
  /** Warehouse names by route country ('*' for the fallback). */
  routes: { country: string; warehouses: string[] }[];
  negotiatedPrices: number;
}

/**
 * Writes the rules Shopify does not hold, as the merchant's ERP integration would: our
 * rules tables have no API of their own. Every statement is an upsert on the table's
 * natural key, so a second seed of the same database leaves one copy of each rule with
 * the demo's figures.
 */
export async function writeDemoRules(pool: Pool, shop: string, locations: readonly DemoLocation[]): Promise<SeededRules> {
  const warehouses = (await pool.query<{ gid: string; name: string }>('SELECT gid, name FROM locations WHERE shop = $1 ORDER BY gid', [shop])).rows;
  if (warehouses.length < 2) throw new DemoError('rules', `the catalog has ${warehouses.length} warehouse(s); the routes need 2`);
  // Catalog order = the simulator's generation order; GIDs of one type share a length, so text order is numeric order.
  const skus = (
    await pool.query<DemoSku>(
      // The first SKUs first, then one primary-key lookup of stock each (a join before the LIMIT costs a scan of the catalog).
      `WITH v AS (SELECT sku, gid, product_gid, price, inventory_item_gid FROM product_variants WHERE shop = $1 AND deleted_at IS NULL ORDER BY gid LIMIT $2)
       SELECT v.sku, v.gid, v.product_gid AS "productGid", v.price::text AS price,
              coalesce((SELECT i.available FROM inventory_levels i WHERE i.shop = $1 AND i.inventory_item_gid = v.inventory_item_gid AND i.location_gid = $3), 0) AS "mainStock"
         FROM v ORDER BY v.gid`,
      [shop, MIN_DEMO_SKUS, warehouses[0]!.gid],
    )
  ).rows;
  if (skus.length < MIN_DEMO_SKUS) throw new DemoError('rules', `the catalog holds ${skus.length} SKUs; the demo rules need ${MIN_DEMO_SKUS}`);

  let negotiatedPrices = 0;
  for (const location of locations) {
    const s = location.settings;
    await pool.query(
      `INSERT INTO company_location_settings (shop, company_location_gid, requires_approval, approval_threshold, credit_limit, open_balance)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (shop, company_location_gid) DO UPDATE SET requires_approval = EXCLUDED.requires_approval, approval_threshold = EXCLUDED.approval_threshold,
         credit_limit = EXCLUDED.credit_limit, open_balance = EXCLUDED.open_balance, updated_at = now()`,
      [shop, location.gid, s.requiresApproval, s.approvalThreshold, s.creditLimit, s.openBalance],
    );
    const slice = skus.slice(location.priceList.from, location.priceList.to).map((v) => v.gid);
    // Negotiated price = list × factor, rounded to cents, per quantity break.
    const { rowCount } = await pool.query(
      `INSERT INTO negotiated_prices (shop, company_location_gid, variant_gid, min_quantity, price)
       SELECT $1, $2, v.gid, b.min_quantity, round(v.price * b.factor, 2)
         FROM product_variants v CROSS JOIN unnest($4::int[], $5::numeric[]) AS b(min_quantity, factor)
        WHERE v.shop = $1 AND v.gid = ANY($3::text[])
       ON CONFLICT (shop, company_location_gid, variant_gid, min_quantity) DO UPDATE SET price = EXCLUDED.price`,
      [shop, location.gid, slice, location.priceList.breaks.map((b) => b.minQuantity), location.priceList.breaks.map((b) => b.factor)],
    );
    negotiatedPrices += rowCount ?? 0;
  }

  const routes = WAREHOUSE_ROUTES.map((r) => ({ countryCode: r.countryCode, gids: r.warehouses.map((i) => warehouses[i]!.gid), names: r.warehouses.map((i) => warehouses[i]!.name) }));
  for (const route of routes) {
    await pool.query(
      `INSERT INTO warehouse_routes (shop, country_code, province_code, location_gids) VALUES ($1, $2, NULL, $3)
       ON CONFLICT (shop, coalesce(country_code, ''), coalesce(province_code, '')) DO UPDATE SET location_gids = EXCLUDED.location_gids`,
      [shop, route.countryCode, route.gids],
    );
  }

  const [northwind] = locations;
  const quotaSku = skus[QUOTA_SKU_POSITION]!;
  const casePackSku = skus[CASE_PACK_SKU_POSITION]!;
  await pool.query(
    `INSERT INTO quota_rules (shop, company_location_gid, scope_type, scope_gid, period, max_quantity) VALUES ($1, $2, 'variant', $3, $4, $5)
     ON CONFLICT (shop, company_location_gid, scope_type, scope_gid, period) DO UPDATE SET max_quantity = EXCLUDED.max_quantity`,
    [shop, northwind!.gid, quotaSku.gid, QUOTA.period, QUOTA.maxQuantity],
  );
  // Shop-wide (no company location): every buyer orders this SKU in whole cases.
  await pool.query(
    `INSERT INTO quantity_rules (shop, company_location_gid, scope_type, scope_gid, increment) VALUES ($1, NULL, 'variant', $2, $3)
     ON CONFLICT (shop, coalesce(company_location_gid, ''), scope_type, scope_gid) DO UPDATE SET increment = EXCLUDED.increment`,
    [shop, casePackSku.gid, CASE_PACK],
  );
  return {
    skus,
    quotaSku,
    casePackSku,
    routes: routes.map((r) => ({ country: r.countryCode ?? '*', warehouses: r.names })),
    negotiatedPrices,
  };
}
