import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { InboxRepository } from '../../repositories/inboxRepository';

const params = z.object({ webhookId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/) });

/** `POST /webhooks/:webhookId/replay`: put a dead event back in the relay's queue. */
export function webhookReplayRoutes({ inbox, onQueued, auth }: { inbox: InboxRepository; onQueued: () => void; auth: RequestHandler }): Router {
  const router = Router();
  router.post('/webhooks/:webhookId/replay', auth, async (req, res) => {
    const parsed = params.safeParse(req.params);
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'WEBHOOK_ID_INVALID', message: 'webhook ID is malformed' } });
      return;
    }
    const result = await inbox.requestReplay(parsed.data.webhookId);
    switch (result.outcome) {
      case 'queued':
        onQueued();
        res.status(202).json({ status: 'queued', workflowId: result.workflowId, replayCount: result.replayCount });
        return;
      case 'not_found':
        res.status(404).json({ error: { code: 'WEBHOOK_NOT_FOUND', message: 'no such webhook in the inbox' } });
        return;
      case 'not_dead':
        res.status(409).json({ error: { code: 'WEBHOOK_NOT_DEAD', message: `only dead webhooks can be replayed; this one is ${result.status}` } });
        return;
      default: {
        const unreachable: never = result;
        throw new Error(`unhandled replay outcome ${JSON.stringify(unreachable)}`);
      }
    }
  });
  return router;
}
