import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * pending   recorded by the API, no workflow started yet (the relay starts it)
 * started   its workflow exists in Temporal
 * processed a handler applied it
 * ignored   a topic we do not handle; acknowledged and kept for audit
 * dead      a handler gave up after its retries; replayable
 */
export const inboxStatus = pgEnum('inbox_status', ['pending', 'started', 'processed', 'ignored', 'dead']);
export type InboxStatus = (typeof inboxStatus.enumValues)[number];

/**
 * Every webhook Shopify delivered, keyed by `X-Shopify-Webhook-Id`. The primary key is
 * the long-term dedupe: Temporal forgets closed workflows after the namespace's retention.
 * Payloads live here so workflows carry references, not megabytes.
 */
export const webhookInbox = pgTable(
  'webhook_inbox',
  {
    webhookId: text().primaryKey(),
    shop: text().notNull(),
    topic: text().notNull(),
    apiVersion: text().notNull(),
    eventId: text(),
    triggeredAt: tstz(),
    receivedAt: tstz().notNull().defaultNow(),
    status: inboxStatus().notNull().default('pending'),
    payload: jsonb().notNull(),
    payloadBytes: integer().notNull(),
    workflowId: text().notNull(),
    relayAttempts: integer().notNull().default(0),
    nextRelayAt: tstz().notNull().defaultNow(),
    lastError: text(),
    processedAt: tstz(),
    replayCount: integer().notNull().default(0),
  },
  (t) => [
    // The relay's scan: only pending rows, oldest first.
    index('webhook_inbox_pending_idx').on(t.nextRelayAt).where(sql`${t.status} = 'pending'`),
    index('webhook_inbox_shop_topic_received_idx').on(t.shop, t.topic, t.receivedAt),
    index('webhook_inbox_dead_idx').on(t.receivedAt).where(sql`${t.status} = 'dead'`),
    // Every Shopify webhook body is a JSON object. PostgreSQL's jsonb parse plus this check
    // is the body validation of the ingest path, so Node never parses the body on it.
    check('webhook_inbox_payload_is_object', sql`jsonb_typeof(${t.payload}) = 'object'`),
  ],
);

export type InboxRow = typeof webhookInbox.$inferSelect;
