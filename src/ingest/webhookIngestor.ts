import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { classifyDbError, sqlState } from '../db/errors';
import { routeTopic, webhookWorkflowId } from '../domain/webhooks/topicRoutes';
import { AppError, IngestUnavailableError, errorMessage } from '../errors';
import type { Logger } from '../logger';
import type { InboxRepository } from '../repositories/inboxRepository';
import type { WebhookMetadata } from '../shopify/webhooks/parseHeaders';
import { jsonObjectProblem } from './jsonBody';
import type { WebhookWorkflowStarter } from './webhookWorkflowStarter';

const gzipAsync = promisify(gzip);

/**
 * Temporal rejects a payload over 2 MB and warns from 256 KB. The inline fallback (used
 * only while PostgreSQL is down) stays under this, base64 included; beyond it we answer
 * 503 and let Shopify redeliver later.
 */
export const MAX_INLINE_PAYLOAD_BYTES = 1_500_000;

/** How long a request waits for Temporal in the fallback, well inside Shopify's 5 s timeout. */
const FALLBACK_START_DEADLINE_MS = 2_000;

export interface IncomingWebhook {
  metadata: WebhookMetadata;
  rawBody: Buffer;
  receivedAt: Date;
}

export type IngestResult = {
  status: 'accepted' | 'duplicate' | 'ignored';
  workflowId: string;
  recordedIn: 'postgres' | 'temporal';
};

/** The body is not something we can record: not a JSON object, or not storable as jsonb. */
export class RejectedBodyError extends AppError {
  constructor(code: 'BODY_NOT_JSON' | 'PAYLOAD_NOT_STORABLE', message: string) {
    super(message, code);
  }
}

/**
 * PostgreSQL parses the body into jsonb, and a CHECK constraint requires an object; their
 * refusals are the client's fault (400), not an outage.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
function bodyRejection(err: unknown): RejectedBodyError {
  const state = sqlState(err);
  const message = errorMessage(err);
  if (state === '22P02' || state === '22032') return new RejectedBodyError('BODY_NOT_JSON', `body is not valid JSON: ${message}`);
  if (state === '23514') return new RejectedBodyError('BODY_NOT_JSON', 'body must be a JSON object');
  return new RejectedBodyError('PAYLOAD_NOT_STORABLE', `payload cannot be stored: ${message}`);
}

export interface IngestorDeps {
  inbox: InboxRepository;
  starter: WebhookWorkflowStarter;
  logger: Logger;
  /** Called after a pending row is committed, so the relay starts it without waiting to poll. */
  onPending: () => void;
}

/**
 * Records a verified webhook durably, then answers. The normal path is one INSERT into
 * the inbox; the relay starts the workflow. If PostgreSQL is down the workflow is started
 * directly with the payload inline (Temporal then holds it, deduped by workflow ID).
 * Only when both are down does ingestion fail, and the caller answers 503.
 */
export function createWebhookIngestor({ inbox, starter, logger, onPending }: IngestorDeps) {
  return {
    async ingest(webhook: IncomingWebhook): Promise<IngestResult> {
      const { metadata, rawBody, receivedAt } = webhook;
      const workflowId = webhookWorkflowId(metadata.webhookId);
      const ignored = routeTopic(metadata.topic).kind === 'ignore';
      try {
        const { inserted } = await inbox.insert({
          ...metadata,
          receivedAt,
          payloadJson: rawBody.toString('utf8'),
          payloadBytes: rawBody.length,
          workflowId,
          status: ignored ? 'ignored' : 'pending',
        });
        if (!inserted) return { status: 'duplicate', workflowId, recordedIn: 'postgres' };
        if (!ignored) onPending();
        return { status: ignored ? 'ignored' : 'accepted', workflowId, recordedIn: 'postgres' };
      } catch (err) {
        if (classifyDbError(err) === 'data') throw bodyRejection(err);
        logger.warn({ webhookId: metadata.webhookId, shop: metadata.shop, err: errorMessage(err) }, 'inbox unavailable, recording in Temporal');
        return startWithInlinePayload(webhook, workflowId, errorMessage(err));
      }
    },
  };

  async function startWithInlinePayload(webhook: IncomingWebhook, workflowId: string, postgresError: string): Promise<IngestResult> {
    const { metadata, rawBody, receivedAt } = webhook;
    // Without PostgreSQL to parse it, check here that the body is a JSON object.
    const problem = jsonObjectProblem(rawBody);
    if (problem) throw new RejectedBodyError('BODY_NOT_JSON', problem);
    const compressed = (await gzipAsync(rawBody)).toString('base64');
    if (compressed.length > MAX_INLINE_PAYLOAD_BYTES) {
      throw new IngestUnavailableError({
        postgres: postgresError,
        temporal: `payload too large to hold in Temporal (${compressed.length} bytes compressed)`,
      });
    }
    try {
      const outcome = await starter.start(
        workflowId,
        {
          webhookId: metadata.webhookId,
          shop: metadata.shop,
          topic: metadata.topic,
          inline: {
            webhookId: metadata.webhookId,
            shop: metadata.shop,
            topic: metadata.topic,
            apiVersion: metadata.apiVersion,
            eventId: metadata.eventId ?? null,
            triggeredAt: metadata.triggeredAt?.toISOString() ?? null,
            receivedAt: receivedAt.toISOString(),
            payloadBytes: rawBody.length,
            payloadGzipBase64: compressed,
          },
        },
        { deadlineMs: FALLBACK_START_DEADLINE_MS },
      );
      return { status: outcome === 'started' ? 'accepted' : 'duplicate', workflowId, recordedIn: 'temporal' };
    } catch (err) {
      throw new IngestUnavailableError({ postgres: postgresError, temporal: errorMessage(err) });
    }
  }
}

export type WebhookIngestor = ReturnType<typeof createWebhookIngestor>;
