import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { signWebhookBody } from '../../../src/shopify/webhooks/hmac';
import { ShopifyWebhookHeader } from '../../../src/shopify/webhooks/headers';
import type { Clock } from '../support/clock';
import { isoSeconds } from '../support/time';
import { retryDelayMs } from './retrySchedule';
import type { Delivery, DeliveryAttempt, WebhookLog } from './webhookLog';

/**
 * Delivers webhooks the way Shopify does: a POST of the JSON payload signed with the shop's
 * secret (base64 HMAC-SHA256 of the raw body), Shopify's headers, a 5-second deadline for a
 * 2xx answer, and retries of the same bytes under the same webhook ID.
 * Headers: https://shopify.dev/docs/apps/build/webhooks/delivery-structure#headers
 * Timeout: https://shopify.dev/docs/apps/build/webhooks/subscribe/https
 */
export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface WebhookSenderOptions {
  clock: Clock;
  timeoutMs: number;
  /** Read at every retry, so a test can compress a cycle already under way. */
  timeScale: () => number;
  apiVersion: string;
  logger: Logger;
}

export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  send(log: WebhookLog, shop: string, target: WebhookTarget, topic: string, payload: unknown): Delivery {
    const delivery: Delivery = {
      webhookId: randomUUID(),
      eventId: randomUUID(),
      topic,
      shop,
      url: target.url,
      apiVersion: this.options.apiVersion,
      triggeredAt: new Date(this.options.clock.now()).toISOString(),
      body: JSON.stringify(payload),
      status: 'pending',
      attempts: [],
    };
    log.add(delivery);
    void this.attempt(delivery, target.secret);
    return delivery;
  }

  /** Stops every pending retry and aborts requests in flight. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
  }

  private async attempt(delivery: Delivery, secret: string): Promise<void> {
    if (this.closed) return;
    const number = delivery.attempts.length + 1;
    const started = Date.now();
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(new Error('timeout')), this.options.timeoutMs);
    let record: Omit<DeliveryAttempt, 'nextAttemptInMs'>;
    try {
      const res = await fetch(delivery.url, { method: 'POST', headers: this.headers(delivery, secret), body: delivery.body, signal: controller.signal });
      await res.arrayBuffer();
      const outcome = res.status >= 200 && res.status < 300 ? 'delivered' : 'http_error';
      record = { attempt: number, at: isoSeconds(this.options.clock.now()), durationMs: Date.now() - started, outcome, status: res.status, error: null };
    } catch (err) {
      const timedOut = controller.signal.aborted && !this.closed;
      record = {
        attempt: number,
        at: isoSeconds(this.options.clock.now()),
        durationMs: Date.now() - started,
        outcome: timedOut ? 'timeout' : 'network_error',
        status: null,
        error: timedOut ? `no 2xx answer within ${this.options.timeoutMs} ms` : errorText(err),
      };
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (this.closed) return;
    const delay = record.outcome === 'delivered' ? undefined : retryDelayMs(number, this.options.timeScale());
    delivery.attempts.push({ ...record, nextAttemptInMs: delay ?? null });
    if (record.outcome === 'delivered') delivery.status = 'delivered';
    else if (delay === undefined) delivery.status = 'failed';
    this.options.logger.debug({ shop: delivery.shop, webhookId: delivery.webhookId, topic: delivery.topic, attempt: number, outcome: record.outcome }, 'webhook attempt');
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery, secret);
    }, delay);
    this.timers.add(timer);
  }

  private headers(delivery: Delivery, secret: string): Record<string, string> {
    return {
      'content-type': 'application/json',
      [ShopifyWebhookHeader.Topic]: delivery.topic,
      [ShopifyWebhookHeader.Hmac]: signWebhookBody(delivery.body, secret),
      [ShopifyWebhookHeader.ShopDomain]: delivery.shop,
      [ShopifyWebhookHeader.ApiVersion]: delivery.apiVersion,
      [ShopifyWebhookHeader.WebhookId]: delivery.webhookId,
      [ShopifyWebhookHeader.EventId]: delivery.eventId,
      [ShopifyWebhookHeader.TriggeredAt]: delivery.triggeredAt,
    };
  }
}

function errorText(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
