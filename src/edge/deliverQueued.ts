import { retryDelaySeconds } from './backoff';
import type { EdgeConfig } from './edgeConfig';
import type { EdgeLog } from './edgeLog';
import { forwardToOrigin } from './forwardToOrigin';
import { decodeQueuedWebhook, type QueuedWebhook } from './queuedWebhook';
import type { Message, MessageBatch, Queue } from './workerTypes';

export interface DeliveryDeps {
  config: EdgeConfig;
  deadLetters: Queue<unknown>;
  log: EdgeLog;
}

/**
 * The queue consumer: delivers each queued webhook to the origin. A message is acknowledged
 * only once the origin recorded it; otherwise it is retried with capped exponential backoff,
 * and after the queue's `max_retries` Cloudflare moves it to the dead-letter queue. The
 * origin dedupes by webhook ID, so a delivery that races the original request is harmless.
 */
export async function deliverBatch(batch: MessageBatch<unknown>, deps: DeliveryDeps): Promise<void> {
  await Promise.all(batch.messages.map((message) => deliverOne(message, deps)));
}

async function deliverOne(message: Message<unknown>, { config, deadLetters, log }: DeliveryDeps): Promise<void> {
  let webhook;
  try {
    webhook = await decodeQueuedWebhook(message.body as QueuedWebhook);
  } catch (err) {
    await deadLetter(message, deadLetters, log, { reason: (err as Error).message });
    return;
  }
  const ids = { shop: webhook.headers['x-shopify-shop-domain'], topic: webhook.headers['x-shopify-topic'], webhookId: webhook.headers['x-shopify-webhook-id'] };
  const outcome = await forwardToOrigin(config, webhook, config.deliveryTimeoutMs);
  switch (outcome.kind) {
    case 'delivered':
      message.ack();
      log.info({ event: 'queued_webhook_delivered', ...ids, attempts: message.attempts, status: outcome.status, outcome: outcome.originStatus });
      return;
    case 'refused':
      await deadLetter(message, deadLetters, log, { ...ids, status: outcome.status, reason: 'refused by the origin' });
      return;
    case 'unavailable': {
      const delaySeconds = retryDelaySeconds(message.attempts, config.retry);
      message.retry({ delaySeconds });
      log.warn({ event: 'queued_webhook_retry', ...ids, attempts: message.attempts, delaySeconds, reason: outcome.reason });
      return;
    }
  }
}

/** Parks a message that retrying cannot deliver, so an operator can look at it; never drops it. */
async function deadLetter(message: Message<unknown>, deadLetters: Queue<unknown>, log: EdgeLog, fields: { reason: string; shop?: string; topic?: string; webhookId?: string; status?: number }): Promise<void> {
  try {
    await deadLetters.send(message.body, { contentType: 'json' });
    message.ack();
    log.error({ event: 'queued_webhook_dead_lettered', attempts: message.attempts, ...fields });
  } catch {
    // Could not park it: keep it on the queue instead of losing it.
    message.retry();
  }
}
