import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { money, shopColumn, tstz } from './columns';

/**
 * The B2B rules Shopify does not hold: negotiated prices, per-location settings, warehouse
 * routes, quantity rules, quotas, products sold only at negotiated prices. Cart validation
 * and the draft-order workflow read them; the metafield sync pushes what checkout needs.
 */

/**
 * Negotiated prices (a company location's price list): per variant, one row per quantity
 * break; the highest `minQuantity` the line reaches applies.
 */
export const negotiatedPrices = pgTable(
  'negotiated_prices',
  {
    shop: shopColumn(),
    companyLocationGid: text().notNull(),
    variantGid: text().notNull(),
    minQuantity: integer().notNull().default(1),
    price: money().notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.companyLocationGid, t.variantGid, t.minQuantity] })],
);

/** Our B2B rules per company location (Shopify holds none of these). */
export const companyLocationSettings = pgTable(
  'company_location_settings',
  {
    shop: shopColumn(),
    companyLocationGid: text().notNull(),
    requiresApproval: boolean().notNull().default(false),
    /** Carts totalling at least this need approval; null: no threshold. */
    approvalThreshold: money(),
    /** null: no credit limit. Carts at negotiated prices + the open balance may not pass it. */
    creditLimit: money(),
    /** Unpaid orders on terms (kept by the ERP integration or order webhooks). */
    openBalance: money().notNull().default('0'),
    /** Warehouses (location GIDs) this location may be served from; null: any. */
    allowedLocationGids: text().array(),
    updatedAt: tstz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.companyLocationGid] })],
);

/** Region → warehouses in preference order; country NULL is the shop's fallback route. */
export const warehouseRoutes = pgTable(
  'warehouse_routes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    shop: shopColumn(),
    countryCode: text(),
    provinceCode: text(),
    locationGids: text().array().notNull(),
  },
  (t) => [uniqueIndex('warehouse_routes_region_idx').on(t.shop, sql`coalesce(${t.countryCode}, '')`, sql`coalesce(${t.provinceCode}, '')`)],
);

/**
 * Minimum, maximum and case-pack multiple per order line, for a variant or a product; for
 * one company location, or shop-wide when company_location_gid is NULL (the location's own
 * rule wins).
 */
export const quantityRules = pgTable(
  'quantity_rules',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    shop: shopColumn(),
    companyLocationGid: text(),
    scopeType: text().notNull(),
    scopeGid: text().notNull(),
    minQuantity: integer(),
    maxQuantity: integer(),
    increment: integer(),
  },
  (t) => [
    uniqueIndex('quantity_rules_scope_idx').on(t.shop, sql`coalesce(${t.companyLocationGid}, '')`, t.scopeType, t.scopeGid),
    check('quantity_rules_scope_type', sql`${t.scopeType} IN ('variant', 'product')`),
    check('quantity_rules_positive', sql`coalesce(${t.minQuantity}, 1) >= 1 AND coalesce(${t.maxQuantity}, 1) >= 1 AND coalesce(${t.increment}, 1) >= 1`),
  ],
);

/** At most `max_quantity` of a variant or product per period (calendar, UTC) for a company location. */
export const quotaRules = pgTable(
  'quota_rules',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    shop: shopColumn(),
    companyLocationGid: text().notNull(),
    scopeType: text().notNull(),
    scopeGid: text().notNull(),
    period: text().notNull(),
    maxQuantity: integer().notNull(),
  },
  (t) => [
    uniqueIndex('quota_rules_scope_idx').on(t.shop, t.companyLocationGid, t.scopeType, t.scopeGid, t.period),
    check('quota_rules_scope_type', sql`${t.scopeType} IN ('variant', 'product')`),
    check('quota_rules_period', sql`${t.period} IN ('day', 'week', 'month', 'quarter', 'year')`),
    check('quota_rules_max', sql`${t.maxQuantity} >= 0`),
  ],
);

/** Products sold to B2B buyers only at a price their location negotiated. */
export const negotiatedPriceRequired = pgTable(
  'negotiated_price_required',
  {
    shop: shopColumn(),
    productGid: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.productGid] })],
);
