import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ConstraintSyncStarter } from '../../constraints/constraintSyncStarter';
import { normalizeShopDomain } from '../../shopify/shopDomain';
import type { WorkflowUrl } from '../../temporal/workflowStatus';

const body = z.object({
  shop: z.string().transform((value, ctx) => normalizeShopDomain(value) ?? (ctx.addIssue({ code: 'custom', message: 'must be a *.myshopify.com domain' }), z.NEVER)),
  mode: z.enum(['full', 'dirty']).default('full'),
});

/** `POST /constraints/sync` pushes a shop's checkout constraints to Shopify now (operators, CLI). */
export function constraintSyncRoutes({ starter, auth, workflowUrl }: { starter: ConstraintSyncStarter; auth: RequestHandler; workflowUrl: WorkflowUrl }): Router {
  const router = Router();
  router.post('/constraints/sync', auth, express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = body.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'BODY_INVALID', message: 'expected {"shop": "<name>.myshopify.com", "mode"?: "full" | "dirty"}', details: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) } });
      return;
    }
    const result = await starter.start(parsed.data.shop, parsed.data.mode);
    switch (result.outcome) {
      case 'started':
        res.status(202).json({ workflowId: result.workflowId, workflowUrl: workflowUrl(result.workflowId), shop: parsed.data.shop, mode: parsed.data.mode });
        return;
      case 'shop_not_installed':
        res.status(404).json({ error: { code: 'SHOP_NOT_INSTALLED', message: `${parsed.data.shop} has not installed the app` } });
        return;
      default:
        return assertNever(result);
    }
  });
  return router;
}

function assertNever(value: never): never {
  throw new Error(`unhandled outcome ${JSON.stringify(value)}`);
}
