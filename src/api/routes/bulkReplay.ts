import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { DeadWebhookQueries } from '../../repositories/deadWebhookQueries';
import { deadWebhookFilter, issuesOf } from './deadWebhookFilter';

const WEBHOOK_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
/** A bulk answer names at most this many IDs; `queued` is always the full count. */
const MAX_LISTED = 1_000;

const byIds = z.object({ webhookIds: z.array(z.string().regex(WEBHOOK_ID, 'malformed webhook ID')).min(1).max(1_000) }).strict();
// "Replay everything" must be said: an empty filter is refused rather than read as "all".
const byFilter = deadWebhookFilter.and(z.object({ all: z.literal(true).optional() })).refine((f) => f.all === true || Object.values(f).some((v) => v !== undefined), {
  message: 'give webhookIds, at least one of shop, topic, since, until, or "all": true',
});

/**
 * `POST /webhooks/replay` (operators): put dead events back in the relay's queue — by ID
 * (`{"webhookIds": [...]}`, each answered) or in bulk (`{"shop"?, "topic"?, "since"?,
 * "until"?}` or `{"all": true}`). Only dead events move; 202 with what was queued.
 */
export function bulkReplayRoutes({ deadWebhooks, onQueued, auth }: { deadWebhooks: DeadWebhookQueries; onQueued: () => void; auth: RequestHandler }): Router {
  const router = Router();
  router.post('/webhooks/replay', auth, express.json({ limit: '256kb' }), async (req, res) => {
    const body: unknown = req.body ?? {};
    if (typeof body === 'object' && body !== null && 'webhookIds' in body) {
      const parsed = byIds.safeParse(body);
      if (!parsed.success) return void res.status(400).json({ error: { code: 'BODY_INVALID', message: 'expected {"webhookIds": [1–1000 IDs]} and nothing else', details: issuesOf(parsed.error) } });
      const results = await deadWebhooks.replayIds([...new Set(parsed.data.webhookIds)]);
      const queued = results.filter((r) => r.outcome === 'queued').length;
      if (queued > 0) onQueued();
      return void res.status(202).json({ queued, results });
    }
    const parsed = byFilter.safeParse(body);
    if (!parsed.success) return void res.status(400).json({ error: { code: 'FILTER_REQUIRED', message: 'expected {"webhookIds": [...]}, a filter {"shop"?, "topic"?, "since"?, "until"?}, or {"all": true}', details: issuesOf(parsed.error) } });
    const { all: _all, ...filter } = parsed.data;
    const ids = await deadWebhooks.replayMatching(filter);
    if (ids.length > 0) onQueued();
    res.status(202).json({ queued: ids.length, webhookIds: ids.slice(0, MAX_LISTED), truncated: ids.length > MAX_LISTED });
  });
  return router;
}
