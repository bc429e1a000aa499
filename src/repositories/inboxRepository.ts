import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { webhookInbox, type InboxStatus } from '../db/schema';

export interface NewInboxEvent {
  webhookId: string;
  shop: string;
  topic: string;
  apiVersion: string;
  eventId: string | undefined;
  triggeredAt: Date | undefined;
  receivedAt: Date;
  /** The raw JSON text as Shopify sent it; PostgreSQL stores it as jsonb. */
  payloadJson: string;
  payloadBytes: number;
  workflowId: string;
  status: Extract<InboxStatus, 'pending' | 'started' | 'ignored'>;
}

export interface RelayCandidate {
  webhookId: string;
  shop: string;
  topic: string;
  workflowId: string;
  replayCount: number;
  receivedAt: Date;
}

export type ReplayRequest =
  | { outcome: 'queued'; workflowId: string; replayCount: number }
  | { outcome: 'not_found' }
  | { outcome: 'not_dead'; status: InboxStatus };

const INSERT_INBOX_SQL = `
  INSERT INTO webhook_inbox
    (webhook_id, shop, topic, api_version, event_id, triggered_at, received_at, status, payload, payload_bytes, workflow_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
  ON CONFLICT (webhook_id) DO NOTHING`;

function toValues(event: NewInboxEvent) {
  return {
    webhookId: event.webhookId,
    shop: event.shop,
    topic: event.topic,
    apiVersion: event.apiVersion,
    eventId: event.eventId ?? null,
    triggeredAt: event.triggeredAt ?? null,
    receivedAt: event.receivedAt,
    status: event.status,
    payload: sql`${event.payloadJson}::jsonb`,
    payloadBytes: event.payloadBytes,
    workflowId: event.workflowId,
  };
}

/** The webhook inbox: the durable record of every delivery, and the long-term dedupe. */
export function createInboxRepository(db: Db) {
  return {
    /**
     * Inserts unless the webhook ID is known. `inserted: false` means a duplicate delivery.
     * This is the acknowledgement hot path, so it is a named prepared statement on the
     * driver: building the query with the ORM on every request cost a third of the
     * ceiling throughput (bench:ingest).
     */
    async insert(event: NewInboxEvent): Promise<{ inserted: boolean }> {
      const result = await db.$client.query({
        name: 'webhook_inbox_insert',
        text: INSERT_INBOX_SQL,
        values: [
          event.webhookId,
          event.shop,
          event.topic,
          event.apiVersion,
          event.eventId ?? null,
          event.triggeredAt ?? null,
          event.receivedAt,
          event.status,
          event.payloadJson,
          event.payloadBytes,
          event.workflowId,
        ],
      });
      return { inserted: (result.rowCount ?? 0) > 0 };
    },

    /**
     * Records an event that reached Temporal while PostgreSQL was down. If the row exists
     * (an earlier delivery of the same ID was recorded), its status tells the workflow
     * whether the event was already handled.
     */
    async recordFromWorkflow(event: NewInboxEvent): Promise<{ inserted: boolean; status: InboxStatus }> {
      const inserted = await db
        .insert(webhookInbox)
        .values(toValues(event))
        .onConflictDoNothing({ target: webhookInbox.webhookId })
        .returning({ status: webhookInbox.status });
      if (inserted[0]) return { inserted: true, status: inserted[0].status };
      const [existing] = await db
        .select({ status: webhookInbox.status })
        .from(webhookInbox)
        .where(eq(webhookInbox.webhookId, event.webhookId));
      if (!existing) throw new Error(`inbox row ${event.webhookId} vanished during recording`);
      return { inserted: false, status: existing.status };
    },

    /**
     * Leases up to `limit` pending rows to this relay. SKIP LOCKED plus the lease lets
     * several API processes relay at once without starting the same row twice in a burst
     * (and if they did, the workflow ID would still make the second start a no-op).
     */
    async claimPending(limit: number, leaseMs: number): Promise<RelayCandidate[]> {
      const result = await db.execute<{
        webhook_id: string;
        shop: string;
        topic: string;
        workflow_id: string;
        replay_count: number;
        received_at: Date;
      }>(sql`
        UPDATE ${webhookInbox}
           SET next_relay_at = now() + make_interval(secs => ${leaseMs / 1000}),
               relay_attempts = relay_attempts + 1
         WHERE webhook_id IN (
           SELECT webhook_id FROM ${webhookInbox}
            WHERE status = 'pending' AND next_relay_at <= now()
            ORDER BY next_relay_at
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
        RETURNING webhook_id, shop, topic, workflow_id, replay_count, received_at`);
      return result.rows.map((r) => ({
        webhookId: r.webhook_id,
        shop: r.shop,
        topic: r.topic,
        workflowId: r.workflow_id,
        replayCount: r.replay_count,
        receivedAt: new Date(r.received_at),
      }));
    },

    /** Only pending rows move to started: a fast workflow may already have marked its row processed. */
    async markStarted(webhookIds: string[]): Promise<void> {
      if (webhookIds.length === 0) return;
      await db
        .update(webhookInbox)
        .set({ status: 'started', lastError: null })
        .where(and(inArray(webhookInbox.webhookId, webhookIds), eq(webhookInbox.status, 'pending')));
    },

    async deferRelay(webhookIds: string[], error: string, delayMs: number): Promise<void> {
      if (webhookIds.length === 0) return;
      await db
        .update(webhookInbox)
        .set({ lastError: error, nextRelayAt: sql`now() + make_interval(secs => ${delayMs / 1000})` })
        .where(and(inArray(webhookInbox.webhookId, webhookIds), eq(webhookInbox.status, 'pending')));
    },

    async markIgnored(webhookId: string): Promise<void> {
      await db
        .update(webhookInbox)
        .set({ status: 'ignored', processedAt: sql`now()` })
        .where(eq(webhookInbox.webhookId, webhookId));
    },

    async markDead(webhookId: string, error: string): Promise<void> {
      await db
        .update(webhookInbox)
        .set({ status: 'dead', lastError: error.slice(0, 4000) })
        .where(eq(webhookInbox.webhookId, webhookId));
    },

    /** Puts a dead event back in the relay's queue; the relay restarts its (failed) workflow. */
    async requestReplay(webhookId: string): Promise<ReplayRequest> {
      const rows = await db
        .update(webhookInbox)
        .set({
          status: 'pending',
          replayCount: sql`${webhookInbox.replayCount} + 1`,
          nextRelayAt: sql`now()`,
          relayAttempts: 0,
        })
        .where(and(eq(webhookInbox.webhookId, webhookId), eq(webhookInbox.status, 'dead')))
        .returning({ workflowId: webhookInbox.workflowId, replayCount: webhookInbox.replayCount });
      if (rows[0]) return { outcome: 'queued', ...rows[0] };
      const [existing] = await db
        .select({ status: webhookInbox.status })
        .from(webhookInbox)
        .where(eq(webhookInbox.webhookId, webhookId));
      return existing ? { outcome: 'not_dead', status: existing.status } : { outcome: 'not_found' };
    },

    async countPendingDue(): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(webhookInbox)
        .where(and(eq(webhookInbox.status, 'pending'), lte(webhookInbox.nextRelayAt, sql`now()`)));
      return row?.n ?? 0;
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
