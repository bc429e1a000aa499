import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { money, shopColumn, tstz, versionColumns } from './columns';

export const orders = pgTable(
  'orders',
  {
    shop: shopColumn(),
    gid: text().notNull(),
    name: text(),
    email: text(),
    customerGid: text(),
    companyGid: text(),
    companyLocationGid: text(),
    poNumber: text(),
    currency: text().notNull(),
    subtotalPrice: money(),
    totalPrice: money().notNull(),
    totalTax: money(),
    financialStatus: text(),
    fulfillmentStatus: text(),
    tags: text().array().notNull().default(sql`'{}'`),
    lineCount: integer().notNull(),
    shopifyCreatedAt: tstz().notNull(),
    processedAt: tstz(),
    cancelledAt: tstz(),
    ...versionColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.gid] }),
    // Quota usage sums a company location's lines over a period.
    index('orders_company_location_processed_idx').on(t.shop, t.companyLocationGid, t.processedAt),
    index('orders_customer_idx').on(t.shop, t.customerGid),
  ],
);

export const orderLineItems = pgTable(
  'order_line_items',
  {
    shop: shopColumn(),
    gid: text().notNull(),
    orderGid: text().notNull(),
    position: integer().notNull(),
    variantGid: text(),
    productGid: text(),
    sku: text(),
    title: text().notNull(),
    quantity: integer().notNull(),
    price: money().notNull(),
    totalDiscount: money().notNull().default('0'),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.gid] }),
    index('order_line_items_order_idx').on(t.shop, t.orderGid),
    index('order_line_items_variant_idx').on(t.shop, t.variantGid),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineItemRow = typeof orderLineItems.$inferSelect;
