import { Router } from 'express';
import { errorMessage } from '../../errors';

export interface HealthChecks {
  postgres: () => Promise<void>;
  temporal: () => Promise<void>;
}

/** `/healthz`: the process answers. `/readyz`: it can do its job (both dependencies reachable). */
export function healthRoutes(checks: HealthChecks): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [postgres, temporal] = await Promise.all([probe(checks.postgres), probe(checks.temporal)]);
    const ready = postgres.ok && temporal.ok;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', postgres, temporal });
  });
  return router;
}

async function probe(check: () => Promise<void>): Promise<{ ok: boolean; error?: string }> {
  try {
    await check();
    return { ok: true };
  } catch (err) {
    return { ok: false, error: errorMessage(err) };
  }
}
