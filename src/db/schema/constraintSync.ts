import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { shopColumn, tstz } from './columns';

/**
 * What the constraint sync last pushed to Shopify, per metafield: the hash of the value (so
 * a run sends only what changed) and the `compareDigest` Shopify answered (so the next
 * write says "only if nobody changed it since", and a lost update becomes a STALE refusal).
 */
export const metafieldSyncState = pgTable(
  'metafield_sync_state',
  {
    shop: shopColumn(),
    ownerGid: text().notNull(),
    key: text().notNull(),
    valueHash: text().notNull(),
    compareDigest: text(),
    syncedAt: tstz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.ownerGid, t.key] })],
);

/**
 * Company locations whose checkout constraints changed since their last push (an order
 * consumed quota): written in the same transaction as the change, so a crash cannot lose
 * the mark; the sync clears the marks it saw once their values are pushed.
 */
export const constraintSyncDirty = pgTable(
  'constraint_sync_dirty',
  {
    shop: shopColumn(),
    companyLocationGid: text().notNull(),
    markedAt: tstz().notNull().default(sql`clock_timestamp()`),
  },
  (t) => [primaryKey({ columns: [t.shop, t.companyLocationGid] }), index('constraint_sync_dirty_shop_idx').on(t.shop, t.markedAt)],
);
