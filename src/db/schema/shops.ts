import { pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/** A Shopify shop that installed the app. */
export const shops = pgTable('shops', {
  domain: text().primaryKey(),
  /**
   * The Admin API access token from the app's install. Never logged. Stored in clear for
   * now: encrypting it at rest (KMS envelope) is a known gap.
   */
  accessToken: text(),
  /** The shop's currency (ShopIdentity), read once when first needed: draft orders' money inputs name it. */
  currencyCode: text(),
  installedAt: tstz().notNull().defaultNow(),
  uninstalledAt: tstz(),
  /** Set when `shop/redact` removed the shop's data. */
  redactedAt: tstz(),
  updatedAt: tstz().notNull().defaultNow(),
});

export type ShopRow = typeof shops.$inferSelect;
