import type { InboxStatus } from '../db/schema';
import type { WebhookHandlerName } from '../domain/webhooks/topicRoutes';

/** What a webhook workflow passes to activities: a reference; the payload stays in PostgreSQL. */
export interface WebhookRef {
  webhookId: string;
  shop: string;
  topic: string;
}

/**
 * A webhook carried inside the workflow input because PostgreSQL was down when it arrived.
 * The payload is gzip-compressed so a large order stays well under Temporal's 2 MB
 * payload limit (JSON compresses about tenfold).
 */
export interface InlineWebhookRecord extends WebhookRef {
  apiVersion: string;
  eventId: string | null;
  triggeredAt: string | null;
  receivedAt: string;
  payloadBytes: number;
  payloadGzipBase64: string;
}

export interface RecordInboxResult {
  /** False when an earlier delivery of this webhook ID was already handled. */
  proceed: boolean;
  status: InboxStatus;
}

/** Another workflow the event concerns, to be signalled by the webhook workflow. */
export interface SignalRequest {
  workflowId: string;
  signal: string;
  args: unknown[];
}

export interface HandlerResult {
  /** `stale`: the stored data is newer than this delivery, nothing changed. */
  outcome: 'applied' | 'stale' | 'already_processed';
  rows: number;
  signal?: SignalRequest;
  /** The event changed a company location's checkout constraints: its shop's sync should run. */
  constraintsChanged?: boolean;
}

export interface InboxActivities {
  recordInboxEvent(input: InlineWebhookRecord): Promise<RecordInboxResult>;
  markInboxDead(input: WebhookRef & { error: string }): Promise<void>;
}

export type WebhookHandlerActivities = Record<WebhookHandlerName, (ref: WebhookRef) => Promise<HandlerResult>>;

export type WebhookActivities = InboxActivities & WebhookHandlerActivities;
