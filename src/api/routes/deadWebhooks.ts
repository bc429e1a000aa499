import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { decodeDeadWebhookCursor, type DeadWebhookQueries } from '../../repositories/deadWebhookQueries';
import { deadWebhookFilter, issuesOf } from './deadWebhookFilter';

const query = deadWebhookFilter.and(
  z.object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(1000).optional(),
  }),
);

/**
 * `GET /webhooks/dead?shop=&topic=&since=&until=&limit=&cursor=` (operators): the dead
 * events, oldest first, `nextCursor` for the next page (null on the last one).
 */
export function deadWebhookRoutes({ deadWebhooks, auth }: { deadWebhooks: DeadWebhookQueries; auth: RequestHandler }): Router {
  const router = Router();
  router.get('/webhooks/dead', auth, async (req, res) => {
    const parsed = query.safeParse(req.query);
    const after = parsed.success && parsed.data.cursor !== undefined ? decodeDeadWebhookCursor(parsed.data.cursor) : undefined;
    if (!parsed.success || (parsed.data.cursor !== undefined && !after)) {
      res.status(400).json({ error: { code: 'QUERY_INVALID', message: 'expected shop, topic, since, until (ISO date-times), limit (1–1000) and a cursor from a previous page', details: parsed.success ? ['cursor: not a cursor of this list'] : issuesOf(parsed.error) } });
      return;
    }
    const { limit, cursor: _cursor, ...filter } = parsed.data;
    res.json(await deadWebhooks.list(filter, { limit, after }));
  });
  return router;
}
