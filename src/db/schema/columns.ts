import { numeric, text, timestamp } from 'drizzle-orm/pg-core';

/** Time with zone, as Date. Shopify sends offsets; PostgreSQL stores the instant. */
export const tstz = () => timestamp({ withTimezone: true, mode: 'date' });

/**
 * Money as exact decimal. 4 decimal places cover every Shopify currency; node-postgres
 * returns NUMERIC as a string, so amounts never pass through floating point.
 */
export const money = () => numeric({ precision: 20, scale: 4 });

/** The shop a row belongs to, by its `*.myshopify.com` domain. Every tenant table leads with it. */
export const shopColumn = () => text().notNull();

/**
 * Versioning columns for rows fed by both webhooks and bulk imports. A write applies only
 * when (shopify_updated_at, source_event_at) is newer than what the row holds, so an older
 * delivery or an older export never overwrites newer data. Shopify's `updated_at` has
 * one-second resolution; the event's trigger time breaks ties inside that second.
 */
export const versionColumns = () => ({
  shopifyUpdatedAt: tstz().notNull(),
  sourceEventAt: tstz().notNull(),
  syncedAt: tstz().notNull().defaultNow(),
});
