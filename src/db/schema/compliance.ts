import { bigserial, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * Shopify's mandatory privacy topics, kept as evidence of what was asked and done.
 * For `customers/data_request`, `heldData` is what we hold on that customer, for the
 * merchant to hand over.
 */
export const complianceRequests = pgTable('compliance_requests', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  shop: text().notNull(),
  topic: text().notNull(),
  webhookId: text().notNull().unique(),
  customerGid: text(),
  heldData: jsonb(),
  actionSummary: jsonb().notNull(),
  completedAt: tstz().notNull().defaultNow(),
});
