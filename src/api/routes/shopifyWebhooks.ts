import express, { Router } from 'express';
import type { WebhookIngestor } from '../../ingest/webhookIngestor';
import { verifyWebhookRequest, type VerifyConfig } from '../../ingest/verifyWebhookRequest';

export interface ShopifyWebhookRouteDeps {
  verify: VerifyConfig;
  maxBytes: number;
  ingestor: WebhookIngestor;
}

/** `POST /webhooks/shopify`: verify, record durably, answer. Processing happens in Temporal. */
export function shopifyWebhookRoutes({ verify, maxBytes, ingestor }: ShopifyWebhookRouteDeps): Router {
  const router = Router();
  // The HMAC covers the exact bytes, so the body is read raw whatever its content type.
  const rawBody = express.raw({ type: () => true, limit: maxBytes });

  router.post('/webhooks/shopify', rawBody, async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verdict = verifyWebhookRequest(verify, (name) => req.get(name), body);
    if (!verdict.valid) {
      res.status(verdict.status).json({ error: { code: verdict.code, message: verdict.reason } });
      return;
    }
    const result = await ingestor.ingest({ metadata: verdict.metadata, rawBody: body, receivedAt: new Date() });
    res.status(200).json({ status: result.status, workflowId: result.workflowId });
  });

  return router;
}
