import { payloadFieldsFor } from '../shopify/payloads/payloadFields';
import type { EdgeConfig } from './edgeConfig';
import type { EdgeLog } from './edgeLog';
import { filterReason } from './filterWebhook';
import { forwardToOrigin } from './forwardToOrigin';
import { forwardedHeaders, type OutgoingWebhook } from './outgoingWebhook';
import { encodeQueuedWebhook, type QueuedWebhook } from './queuedWebhook';
import { errorResponse, jsonResponse } from './responses';
import { stripWebhookBody } from './stripPayload';
import { verifyEdgeRequest } from './verifyEdgeRequest';
import type { Queue } from './workerTypes';

/** The same path as the origin's, so Shopify's subscription moves to the edge by changing the host only. */
export const WEBHOOK_PATH = '/webhooks/shopify';

export interface WebhookHandlerDeps {
  config: EdgeConfig;
  queue: Queue<QueuedWebhook>;
  log: EdgeLog;
}

/**
 * `POST /webhooks/shopify` at the edge. The answer to Shopify is 200 only once the event is
 * safe: recorded by the origin, or on the queue. It is never acknowledged first and forwarded
 * later with `waitUntil`, which loses the event when the origin is down. 503 (Shopify
 * retries) only when neither took it.
 */
export async function handleShopifyWebhook(request: Request, { config, queue, log }: WebhookHandlerDeps): Promise<Response> {
  const started = Date.now();
  const verdict = await verifyEdgeRequest(request, config);
  if (!verdict.valid) {
    log.warn({ event: 'webhook_rejected', status: verdict.status, code: verdict.code });
    return errorResponse(verdict.status, verdict.code, verdict.reason);
  }
  const { metadata, rawBody } = verdict;
  const ids = { shop: metadata.shop, topic: metadata.topic, webhookId: metadata.webhookId };

  const filtered = filterReason(config, metadata);
  if (filtered) {
    // Authentic, so 200: an error would only make Shopify send it again.
    log.info({ event: 'webhook_filtered', ...ids, reason: filtered });
    return jsonResponse(200, { status: 'filtered', reason: filtered });
  }

  // Every allowed topic has fields: the config refuses topics the origin does not handle.
  const stripped = stripWebhookBody(rawBody, payloadFieldsFor(metadata.topic)!);
  if (!stripped.valid) {
    log.warn({ event: 'webhook_rejected', ...ids, status: 400, code: 'BODY_NOT_JSON' });
    return errorResponse(400, 'BODY_NOT_JSON', stripped.reason);
  }
  const outgoing: OutgoingWebhook = { headers: forwardedHeaders(request.headers), body: stripped.body };
  const sizes = { bytesIn: rawBody.length, bytesOut: stripped.body.length };

  const outcome = await forwardToOrigin(config, outgoing, config.forwardTimeoutMs);
  switch (outcome.kind) {
    case 'delivered':
      log.info({ event: 'webhook_forwarded', ...ids, ...sizes, status: outcome.status, outcome: outcome.originStatus, ms: Date.now() - started });
      return jsonResponse(200, { status: 'forwarded', origin: outcome.originStatus ?? null });
    case 'refused':
      log.warn({ event: 'webhook_refused_by_origin', ...ids, status: outcome.status });
      return new Response(outcome.body, { status: outcome.status, headers: { 'content-type': 'application/json' } });
    case 'unavailable':
      return enqueue(outgoing, { queue, log }, { ...ids, ...sizes, reason: outcome.reason, started });
  }
}

async function enqueue(
  outgoing: OutgoingWebhook,
  { queue, log }: Pick<WebhookHandlerDeps, 'queue' | 'log'>,
  context: { shop: string; topic: string; webhookId: string; bytesIn: number; bytesOut: number; reason: string; started: number },
): Promise<Response> {
  const { started, ...fields } = context;
  try {
    await queue.send(await encodeQueuedWebhook(outgoing), { contentType: 'json' });
  } catch (err) {
    log.error({ event: 'webhook_unavailable', ...fields, code: (err as { code?: string }).code ?? 'QUEUE_SEND_FAILED', ms: Date.now() - started });
    return errorResponse(503, 'UNAVAILABLE', 'neither the origin nor the queue took the event; retry', { 'retry-after': '5' });
  }
  log.info({ event: 'webhook_queued', ...fields, ms: Date.now() - started });
  return jsonResponse(200, { status: 'queued' });
}
