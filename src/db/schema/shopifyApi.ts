import { index, integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Our model of each shop's Admin API cost bucket, shared by every worker process so they
 * pace themselves together instead of each discovering the limit by being throttled.
 */
export const shopifyApiBuckets = pgTable('shopify_api_buckets', {
  shop: text().primaryKey(),
  available: real().notNull(),
  maximum: real().notNull(),
  restoreRate: real().notNull(),
  /** Millisecond precision matters: a 1,000-point bucket refills 1 point every 10 ms. */
  at: timestamp({ withTimezone: true, mode: 'date', precision: 3 }).notNull(),
});

/** One row per Admin API request in flight; the per-shop concurrency limit counts them. */
export const shopifyApiLeases = pgTable(
  'shopify_api_leases',
  {
    leaseId: uuid().primaryKey(),
    shop: text().notNull(),
    cost: integer().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  (t) => [index('shopify_api_leases_shop_idx').on(t.shop, t.expiresAt)],
);
