import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds; Shopify gives a delivery 5 s, our target is milliseconds. */
const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The API process's own metrics: one registry per API instance (tests start several in one
 * process; a global registry would refuse the second), with Node's process metrics.
 */
export function createApiMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    webhooksReceived: new Counter({
      name: 'b2b_webhooks_received_total',
      help: 'POST /webhooks/shopify requests answered, whatever the answer',
      registers,
    }),
    webhooksAcknowledged: new Counter({
      name: 'b2b_webhooks_acknowledged_total',
      help: 'Webhooks answered 200, by outcome: accepted (new), duplicate (webhook ID known), ignored (topic without handler)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    webhooksRejected: new Counter({
      name: 'b2b_webhooks_rejected_total',
      help: 'Webhooks refused, by reason (the error code answered, e.g. HMAC_INVALID, BODY_TOO_LARGE, INGEST_UNAVAILABLE) and HTTP status',
      labelNames: ['reason', 'status'] as const,
      registers,
    }),
    ackLatency: new Histogram({
      name: 'b2b_webhook_ack_duration_seconds',
      help: 'Time from receiving a webhook request to sending its answer, by result (acknowledged or rejected)',
      labelNames: ['result'] as const,
      buckets: ACK_BUCKETS,
      registers,
    }),
  };
}

export type ApiMetrics = ReturnType<typeof createApiMetrics>;
