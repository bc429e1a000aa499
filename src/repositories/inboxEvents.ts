import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { webhookInbox, type InboxStatus } from '../db/schema';

export interface InboxEvent {
  webhookId: string;
  shop: string;
  topic: string;
  payload: unknown;
  /** When Shopify triggered the event (or, if it did not say, when we received it). */
  eventAt: Date;
}

export type ApplyOutcome<T> =
  | { outcome: 'applied'; result: T }
  | { outcome: 'already_processed' }
  | { outcome: 'missing' };

/**
 * Runs `apply` on one inbox event and marks it processed in the same transaction, so the
 * data change and the status change commit together. The row lock serialises a retried
 * activity with a still-running earlier attempt; a processed event is not applied again.
 */
export async function applyInboxEvent<T>(
  db: Db,
  webhookId: string,
  apply: (tx: Tx, event: InboxEvent) => Promise<T>,
): Promise<ApplyOutcome<T>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        webhookId: webhookInbox.webhookId,
        shop: webhookInbox.shop,
        topic: webhookInbox.topic,
        payload: webhookInbox.payload,
        status: webhookInbox.status,
        eventAt: sql<Date>`coalesce(${webhookInbox.triggeredAt}, ${webhookInbox.receivedAt})`.mapWith(
          (v: string | Date) => new Date(v),
        ),
      })
      .from(webhookInbox)
      .where(eq(webhookInbox.webhookId, webhookId))
      .for('update');
    if (!row) return { outcome: 'missing' } as const;
    if (row.status === 'processed') return { outcome: 'already_processed' } as const;
    const result = await apply(tx, row);
    await tx
      .update(webhookInbox)
      .set({ status: 'processed' satisfies InboxStatus, processedAt: sql`now()`, lastError: null })
      .where(eq(webhookInbox.webhookId, webhookId));
    return { outcome: 'applied', result } as const;
  });
}
