import type { RequestHandler } from 'express';
import type { ApiMetrics } from './apiMetrics';
import { requestContextOf } from './requestLogging';

/**
 * Counts every webhook answer once it is sent, from what the request context captured of
 * the answer: verification, body-limit and outage refusals all end here, whichever layer
 * produced them. Mounted after requestLogging, before the webhook route.
 */
export function webhookMetrics(metrics: ApiMetrics): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const context = requestContextOf(res);
      metrics.webhooksReceived.inc();
      if (res.statusCode === 200) {
        metrics.webhooksAcknowledged.inc({ outcome: context?.outcome ?? 'unknown' });
        metrics.ackLatency.observe({ result: 'acknowledged' }, seconds);
      } else {
        metrics.webhooksRejected.inc({ reason: context?.errorCode ?? `HTTP_${res.statusCode}`, status: String(res.statusCode) });
        metrics.ackLatency.observe({ result: 'rejected' }, seconds);
      }
    });
    next();
  };
}
