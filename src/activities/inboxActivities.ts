import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { Context } from '@temporalio/activity';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { webhookInbox } from '../db/schema';
import { routeTopic, webhookWorkflowId } from '../domain/webhooks/topicRoutes';
import type { Logger } from '../logger';
import { createDeadEventNotifier, deadEventNotice, DEFAULT_DEAD_EVENT_SETTINGS, type DeadEventSettings, type NotifyOutcome } from '../observability/deadEventNotifier';
import { createInboxRepository } from '../repositories/inboxRepository';
import type { InboxActivities, InlineWebhookRecord, RecordInboxResult } from './types';

const gunzipAsync = promisify(gunzip);

export interface InboxActivityDeps {
  db: Db;
  logger: Logger;
  /** Where dead-event notices go (DEAD_EVENT_WEBHOOK_URL); without it they are only logged. */
  deadEvents?: Partial<DeadEventSettings>;
}

export function createInboxActivities({ db, logger, deadEvents }: InboxActivityDeps): InboxActivities {
  const inbox = createInboxRepository(db);
  const notifyDead = createDeadEventNotifier({ ...DEFAULT_DEAD_EVENT_SETTINGS, ...deadEvents }, logger.child({ component: 'dead-events' }));
  return {
    /**
     * The PostgreSQL-down path: the API started the workflow with the payload inline; this
     * writes it to the inbox once PostgreSQL is back (the activity retries until it is).
     */
    async recordInboxEvent(input: InlineWebhookRecord): Promise<RecordInboxResult> {
      const payloadJson = (await gunzipAsync(Buffer.from(input.payloadGzipBase64, 'base64'))).toString('utf8');
      const ignored = routeTopic(input.topic).kind === 'ignore';
      const recorded = await inbox.recordFromWorkflow({
        webhookId: input.webhookId,
        shop: input.shop,
        topic: input.topic,
        apiVersion: input.apiVersion,
        eventId: input.eventId ?? undefined,
        triggeredAt: input.triggeredAt ? new Date(input.triggeredAt) : undefined,
        receivedAt: new Date(input.receivedAt),
        payloadJson,
        payloadBytes: input.payloadBytes,
        workflowId: webhookWorkflowId(input.webhookId),
        status: ignored ? 'ignored' : 'started',
      });
      if (recorded.inserted) return { proceed: !ignored, status: recorded.status };
      // Same webhook ID seen before: this workflow is its only workflow, so a row still
      // pending or started is ours to process; anything else was already dealt with.
      const proceed = recorded.status === 'pending' || recorded.status === 'started';
      return { proceed, status: recorded.status };
    },

    /**
     * Parks the event as dead, then tells someone (log, and DEAD_EVENT_WEBHOOK_URL if set).
     * The marking is committed before the notice is sent and the notice never throws, so a
     * receiver that is down loses nothing. At least once: the notice goes after the marking
     * on every successful run of this activity, so a retry (a crash or timeout after
     * sending) may send it again with the same notificationId for receivers to dedupe.
     */
    async markInboxDead({ webhookId, shop, topic, error }): Promise<void> {
      await inbox.markDead(webhookId, error);
      const [row] = await db
        .select({ workflowId: webhookInbox.workflowId, replayCount: webhookInbox.replayCount })
        .from(webhookInbox)
        .where(eq(webhookInbox.webhookId, webhookId));
      const outcome = await notifyDead(
        deadEventNotice({ webhookId, shop, topic, error, workflowId: row?.workflowId ?? webhookWorkflowId(webhookId), replayCount: row?.replayCount ?? 0 }),
      );
      countDeadEvent(outcome);
    },
  };
}

/**
 * Counted through the SDK's metric meter, so it is exported with the worker's Temporal
 * metrics (TEMPORAL_METRICS_ADDRESS): rate() of it is the dead-event rate.
 */
function countDeadEvent(notification: NotifyOutcome): void {
  let meter;
  try {
    meter = Context.current().metricMeter;
  } catch {
    return; // called outside an activity (a tool or a test): nothing to count with
  }
  meter.createCounter('b2b_dead_events', 'events', 'Webhooks marked dead after exhausting their retries, by notification outcome').add(1, { notification });
}
