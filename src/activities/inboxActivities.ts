import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Db } from '../db/client';
import { routeTopic, webhookWorkflowId } from '../domain/webhooks/topicRoutes';
import { createInboxRepository } from '../repositories/inboxRepository';
import type { InboxActivities, InlineWebhookRecord, RecordInboxResult } from './types';

const gunzipAsync = promisify(gunzip);

export function createInboxActivities({ db }: { db: Db }): InboxActivities {
  const inbox = createInboxRepository(db);
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

    async markInboxDead({ webhookId, error }): Promise<void> {
      await inbox.markDead(webhookId, error);
    },
  };
}
