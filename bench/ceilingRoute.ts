import express, { Router } from 'express';
import type { Db } from '../src/db/client';
import { createInboxRepository } from '../src/repositories/inboxRepository';
import { verifyWebhookHmac } from '../src/shopify/webhooks/hmac';

/**
 * The unavoidable work of acknowledging a webhook, and nothing else: read the raw body,
 * verify the HMAC, insert one row (the same inbox table and statement as the real path,
 * as `ignored` so the relay leaves it alone), answer 200. The real route's throughput is
 * reported as a share of this one, measured in the same server in the same run.
 */
export function ceilingRouter(db: Db, secret: string): Router {
  const inbox = createInboxRepository(db);
  const router = Router();
  router.post('/bench/ceiling', express.raw({ type: () => true, limit: 5 * 1024 * 1024 }), async (req, res) => {
    const body = req.body as Buffer;
    if (!verifyWebhookHmac(body, req.get('x-shopify-hmac-sha256') ?? '', [secret])) {
      res.status(401).end();
      return;
    }
    const webhookId = req.get('x-shopify-webhook-id') ?? '';
    await inbox.insert({
      webhookId: `ceiling-${webhookId}`,
      shop: 'bench-wholesale.myshopify.com',
      topic: 'bench/ceiling',
      apiVersion: '2026-07',
      eventId: undefined,
      triggeredAt: undefined,
      receivedAt: new Date(),
      payloadJson: body.toString('utf8'),
      payloadBytes: body.length,
      workflowId: `ceiling-${webhookId}`,
      status: 'ignored',
    });
    res.status(200).json({ status: 'accepted' });
  });
  return router;
}
