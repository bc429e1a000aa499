import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { webhookInbox, type InboxStatus } from '../db/schema';

/** Which dead events an operator means: every given field must match; `until` is exclusive. */
export interface DeadWebhookFilter {
  shop?: string;
  topic?: string;
  since?: Date;
  until?: Date;
}

export interface DeadWebhook {
  webhookId: string;
  shop: string;
  topic: string;
  apiVersion: string;
  receivedAt: Date;
  lastError: string | null;
  replayCount: number;
  workflowId: string;
  payloadBytes: number;
}

export type IdReplayResult =
  | { webhookId: string; outcome: 'queued'; workflowId: string; replayCount: number }
  | { webhookId: string; outcome: 'not_found' }
  | { webhookId: string; outcome: 'not_dead'; status: InboxStatus };

/** The keyset position after a page: received_at to the microsecond (a JS Date would drop them) and the ID. */
interface Position {
  at: string;
  id: string;
}

const encodeCursor = (p: Position) => Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url');

/** undefined when the text is not a cursor this module wrote. */
export function decodeDeadWebhookCursor(cursor: string): Position | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // not base64url JSON: not ours
  }
  return undefined;
}

// Back to dead → pending, exactly as a single replay (InboxRepository.requestReplay) does it.
const REPLAY_SET = {
  status: 'pending' as const,
  replayCount: sql`${webhookInbox.replayCount} + 1`,
  nextRelayAt: sql`now()`,
  relayAttempts: 0,
};

function deadWhere(filter: DeadWebhookFilter): SQL {
  return and(
    eq(webhookInbox.status, 'dead'),
    filter.shop ? eq(webhookInbox.shop, filter.shop) : undefined,
    filter.topic ? eq(webhookInbox.topic, filter.topic) : undefined,
    filter.since ? gte(webhookInbox.receivedAt, filter.since) : undefined,
    filter.until ? lt(webhookInbox.receivedAt, filter.until) : undefined,
  )!;
}

/**
 * The operator's view of the dead letters of the webhook inbox (CLI `dead-webhooks` and
 * `replay-webhooks`): list them oldest first with keyset pagination, and put them back in
 * the relay's queue by filter or by ID. Only `dead` rows ever change here.
 */
export function createDeadWebhookQueries(db: Db) {
  return {
    async list(filter: DeadWebhookFilter, page: { limit: number; after?: Position }): Promise<{ webhooks: DeadWebhook[]; total: number; nextCursor: string | null }> {
      const where = page.after
        ? and(deadWhere(filter), sql`(${webhookInbox.receivedAt}, ${webhookInbox.webhookId}) > (${page.after.at}::timestamptz, ${page.after.id})`)
        : deadWhere(filter);
      const [rows, [count]] = await Promise.all([
        db
          .select({
            webhookId: webhookInbox.webhookId,
            shop: webhookInbox.shop,
            topic: webhookInbox.topic,
            apiVersion: webhookInbox.apiVersion,
            receivedAt: webhookInbox.receivedAt,
            lastError: webhookInbox.lastError,
            replayCount: webhookInbox.replayCount,
            workflowId: webhookInbox.workflowId,
            payloadBytes: webhookInbox.payloadBytes,
            at: sql<string>`to_char(${webhookInbox.receivedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
          })
          .from(webhookInbox)
          .where(where)
          .orderBy(asc(webhookInbox.receivedAt), asc(webhookInbox.webhookId))
          // One more than asked tells whether another page exists without a second query.
          .limit(page.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(webhookInbox).where(deadWhere(filter)),
      ]);
      const more = rows.length > page.limit;
      const shown = rows.slice(0, page.limit);
      const last = shown[shown.length - 1];
      return {
        webhooks: shown.map(({ at: _at, ...w }) => w),
        total: count?.n ?? 0,
        nextCursor: more && last ? encodeCursor({ at: last.at, id: last.webhookId }) : null,
      };
    },

    /** Every dead event matching the filter back to pending, in one statement. An empty filter means all of them. */
    async replayMatching(filter: DeadWebhookFilter): Promise<string[]> {
      const rows = await db.update(webhookInbox).set(REPLAY_SET).where(deadWhere(filter)).returning({ webhookId: webhookInbox.webhookId });
      return rows.map((r) => r.webhookId);
    },

    /** The named events back to pending when dead; each ID answered in the order given. */
    async replayIds(webhookIds: string[]): Promise<IdReplayResult[]> {
      const queued = await db
        .update(webhookInbox)
        .set(REPLAY_SET)
        .where(and(inArray(webhookInbox.webhookId, webhookIds), eq(webhookInbox.status, 'dead')))
        .returning({ webhookId: webhookInbox.webhookId, workflowId: webhookInbox.workflowId, replayCount: webhookInbox.replayCount });
      const byId = new Map(queued.map((q) => [q.webhookId, q]));
      const rest = webhookIds.filter((id) => !byId.has(id));
      const others = rest.length
        ? await db.select({ webhookId: webhookInbox.webhookId, status: webhookInbox.status }).from(webhookInbox).where(inArray(webhookInbox.webhookId, rest))
        : [];
      const statusOf = new Map(others.map((o) => [o.webhookId, o.status]));
      return webhookIds.map((webhookId): IdReplayResult => {
        const q = byId.get(webhookId);
        if (q) return { webhookId, outcome: 'queued', workflowId: q.workflowId, replayCount: q.replayCount };
        const status = statusOf.get(webhookId);
        return status ? { webhookId, outcome: 'not_dead', status } : { webhookId, outcome: 'not_found' };
      });
    },
  };
}

export type DeadWebhookQueries = ReturnType<typeof createDeadWebhookQueries>;
