import { Router } from 'express';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics`: Prometheus text. Carries no shop names or IDs (no per-shop labels), so it
 * exposes counts only; restrict it to the scraper's network at the ingress all the same.
 */
export function metricsRoutes(registry: Registry): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const body = await registry.metrics();
    res.status(200).type(registry.contentType).send(body);
  });
  return router;
}
