import { Router, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics`: Prometheus text. Carries no shop names or IDs (no per-shop labels), so it
 * exposes counts only; restrict it to the scraper's network at the ingress all the same.
 * `auth`: the scraper's bearer token (METRICS_TOKEN) when one is configured.
 */
export function metricsRoutes(registry: Registry, auth: RequestHandler): Router {
  const router = Router();
  router.get('/metrics', auth, async (_req, res) => {
    const body = await registry.metrics();
    res.status(200).type(registry.contentType).send(body);
  });
  return router;
}
