import type pg from 'pg';

/**
 * The demo shop's B2B data, written as the ERP integration and the company webhooks would
 * leave it: a company location needing approval, with a credit limit, negotiated prices with
 * a quantity break on the first SKUs, a monthly quota and a case pack. Idempotent: a second
 * run changes nothing (`npm start` seeds the same local database every time).
 */
export const DEMO_LOCATION = 'gid://shopify/CompanyLocation/7001';
export const DEMO_PRICED_SKUS = 1_300;

export interface DemoRules {
  quotaVariant: { sku: string; gid: string; productGid: string };
  casePackSku: string;
}

export async function seedDemoRules(pool: pg.Pool, shop: string): Promise<DemoRules> {
  const variants = (await pool.query<{ sku: string; gid: string; product_gid: string }>('SELECT sku, gid, product_gid FROM product_variants WHERE shop = $1 AND deleted_at IS NULL ORDER BY gid LIMIT $2', [shop, DEMO_PRICED_SKUS])).rows;
  if (variants.length < DEMO_PRICED_SKUS) throw new Error(`the demo needs ${DEMO_PRICED_SKUS} SKUs in the catalog; it has ${variants.length}`);
  const quota = variants[1_250]!;
  const casePack = variants[1_251]!;
  await pool.query(
    `INSERT INTO company_locations (shop, gid, company_gid, name, country_code, province_code, shopify_updated_at, source_event_at)
     VALUES ($1, $2, 'gid://shopify/Company/700', 'Northwind Facility Services — Dallas DC', 'US', 'TX', now(), now())
     ON CONFLICT DO NOTHING`,
    [shop, DEMO_LOCATION],
  );
  await pool.query(
    `INSERT INTO company_location_settings (shop, company_location_gid, requires_approval, credit_limit, open_balance) VALUES ($1, $2, true, 50000000, 0)
     ON CONFLICT DO NOTHING`,
    [shop, DEMO_LOCATION],
  );
  await pool.query(
    `INSERT INTO negotiated_prices (shop, company_location_gid, variant_gid, min_quantity, price)
     SELECT $1, $2, v.gid, b.min_quantity, round(v.price * b.factor, 2) FROM product_variants v
       CROSS JOIN (VALUES (1, 0.90), (24, 0.85)) AS b(min_quantity, factor)
      WHERE v.shop = $1 AND v.gid = ANY($3::text[])
     ON CONFLICT DO NOTHING`,
    [shop, DEMO_LOCATION, variants.map((v) => v.gid)],
  );
  await pool.query(`INSERT INTO quota_rules (shop, company_location_gid, scope_type, scope_gid, period, max_quantity) VALUES ($1, $2, 'variant', $3, 'month', 40) ON CONFLICT DO NOTHING`, [shop, DEMO_LOCATION, quota.gid]);
  await pool.query(`INSERT INTO quantity_rules (shop, company_location_gid, scope_type, scope_gid, increment) VALUES ($1, NULL, 'variant', $2, 6) ON CONFLICT DO NOTHING`, [shop, casePack.gid]);
  return { quotaVariant: { sku: quota.sku, gid: quota.gid, productGid: quota.product_gid }, casePackSku: casePack.sku };
}
