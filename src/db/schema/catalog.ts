import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { money, shopColumn, tstz, versionColumns } from './columns';

export const products = pgTable(
  'products',
  {
    shop: shopColumn(),
    gid: text().notNull(),
    title: text().notNull(),
    handle: text(),
    status: text().notNull(),
    vendor: text(),
    productType: text(),
    tags: text().array().notNull().default(sql`'{}'`),
    ...versionColumns(),
    deletedAt: tstz(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.gid] })],
);

export const productVariants = pgTable(
  'product_variants',
  {
    shop: shopColumn(),
    gid: text().notNull(),
    productGid: text().notNull(),
    sku: text(),
    title: text(),
    price: money().notNull(),
    compareAtPrice: money(),
    inventoryItemGid: text(),
    position: integer(),
    ...versionColumns(),
    deletedAt: tstz(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.gid] }),
    // Carts and rules address variants by SKU, so a live SKU must name one variant.
    uniqueIndex('product_variants_shop_sku_live_idx')
      .on(t.shop, t.sku)
      .where(sql`${t.sku} IS NOT NULL AND ${t.sku} <> '' AND ${t.deletedAt} IS NULL`),
    index('product_variants_product_idx').on(t.shop, t.productGid),
    index('product_variants_inventory_item_idx').on(t.shop, t.inventoryItemGid),
  ],
);

/** Shopify locations: the warehouses stock is held in. */
export const locations = pgTable(
  'locations',
  {
    shop: shopColumn(),
    gid: text().notNull(),
    name: text().notNull(),
    active: boolean().notNull().default(true),
    countryCode: text(),
    provinceCode: text(),
    ...versionColumns(),
    deletedAt: tstz(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.gid] })],
);

export const inventoryLevels = pgTable(
  'inventory_levels',
  {
    shop: shopColumn(),
    inventoryItemGid: text().notNull(),
    locationGid: text().notNull(),
    available: integer().notNull(),
    ...versionColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.inventoryItemGid, t.locationGid] }),
    index('inventory_levels_location_idx').on(t.shop, t.locationGid),
  ],
);

export type ProductRow = typeof products.$inferSelect;
export type ProductVariantRow = typeof productVariants.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type InventoryLevelRow = typeof inventoryLevels.$inferSelect;
