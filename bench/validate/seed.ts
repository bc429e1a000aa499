import type { createPool } from '../../src/db/client';

export const SHOP = 'bench-wholesale.myshopify.com';
export const LOCATION = 'gid://shopify/CompanyLocation/1';
const W1 = 'gid://shopify/Location/1';
const W2 = 'gid://shopify/Location/2';

/** A 100,000-SKU catalog and the company location's rules for the first `lines` SKUs. */
export async function seed(pool: ReturnType<typeof createPool>, lines: number): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => pool.query(sql, params);
  await q(`INSERT INTO products (shop, gid, title, status, shopify_updated_at, source_event_at)
           SELECT $1, 'gid://shopify/Product/' || p, 'Product ' || p, 'ACTIVE', now(), now() FROM generate_series(1, 20000) p`, [SHOP]);
  await q(`INSERT INTO product_variants (shop, gid, product_gid, sku, price, inventory_item_gid, shopify_updated_at, source_event_at)
           SELECT $1, 'gid://shopify/ProductVariant/' || v, 'gid://shopify/Product/' || ((v - 1) / 5 + 1), 'SKU-' || lpad(v::text, 6, '0'),
                  10 + (v % 90), 'gid://shopify/InventoryItem/' || v, now(), now() FROM generate_series(1, 100000) v`, [SHOP]);
  await q(`INSERT INTO inventory_levels (shop, inventory_item_gid, location_gid, available, shopify_updated_at, source_event_at)
           SELECT $1, 'gid://shopify/InventoryItem/' || v, l, 500, now(), now() FROM generate_series(1, 100000) v, unnest($2::text[]) l`, [SHOP, [W1, W2]]);
  await q(`INSERT INTO warehouse_routes (shop, country_code, location_gids) VALUES ($1, 'US', $2)`, [SHOP, [W1, W2]]);
  await q(`INSERT INTO company_locations (shop, gid, name, country_code, shopify_updated_at, source_event_at) VALUES ($1, $2, 'Bench HQ', 'US', now(), now())`, [SHOP, LOCATION]);
  await q(`INSERT INTO company_location_settings (shop, company_location_gid, credit_limit, open_balance, allowed_location_gids) VALUES ($1, $2, 100000000, 1000, $3)`, [SHOP, LOCATION, [W1, W2]]);
  await q(`INSERT INTO negotiated_prices (shop, company_location_gid, variant_gid, min_quantity, price)
           SELECT $1, $2, 'gid://shopify/ProductVariant/' || v, b, 9 - b / 10.0 FROM generate_series(1, $3::int) v, unnest('{1,10,50}'::int[]) b`, [SHOP, LOCATION, lines]);
  await q(`INSERT INTO quota_rules (shop, company_location_gid, scope_type, scope_gid, period, max_quantity)
           SELECT $1, $2, 'variant', 'gid://shopify/ProductVariant/' || v, 'month', 1000 FROM generate_series(1, $3::int) v`, [SHOP, LOCATION, lines]);
  await q(`INSERT INTO quantity_rules (shop, company_location_gid, scope_type, scope_gid, min_quantity, max_quantity, increment)
           SELECT $1, NULL, 'product', 'gid://shopify/Product/' || p, 1, 500, 1 FROM generate_series(1, $2::int / 5) p`, [SHOP, lines]);
  // Order history this month: 50 orders of 100 lines over the cart's SKUs, feeding the quotas.
  await q(`INSERT INTO orders (shop, gid, name, company_location_gid, currency, total_price, line_count, processed_at, shopify_created_at, shopify_updated_at, source_event_at)
           SELECT $1, 'gid://shopify/Order/' || o, '#' || o, $2, 'USD', 100, 100, now(), now(), now(), now() FROM generate_series(1, 50) o`, [SHOP, LOCATION]);
  await q(`INSERT INTO order_line_items (shop, gid, order_gid, position, variant_gid, product_gid, title, quantity, price)
           SELECT $1, 'gid://shopify/LineItem/' || (o * 1000 + i), 'gid://shopify/Order/' || o, i,
                  'gid://shopify/ProductVariant/' || (((o * 100 + i) % $2::int) + 1), NULL, 'x', 2, 9
             FROM generate_series(1, 50) o, generate_series(0, 99) i`, [SHOP, lines]);
  await q('ANALYZE');
}
