import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ApproverRepository } from '../../repositories/approverRepository';
import { normalizeShopDomain } from '../../shopify/shopDomain';

const body = z.object({
  shop: z.string().transform((value, ctx) => normalizeShopDomain(value) ?? (ctx.addIssue({ code: 'custom', message: 'must be a *.myshopify.com domain' }), z.NEVER)),
  name: z.string().trim().min(1).max(200),
  email: z.email().optional(),
  companyLocationIds: z.array(z.string().regex(/^gid:\/\/shopify\/CompanyLocation\/\d+$/, 'must be a gid://shopify/CompanyLocation/<id>')).min(1).max(1000),
});

/**
 * `POST /approvers` (operators, admin token): creates an approver for the given company
 * locations and answers their token — once; only its hash is stored.
 */
export function approverRoutes(deps: { approvers: ApproverRepository; auth: RequestHandler }): Router {
  const router = Router();
  router.post('/approvers', deps.auth, express.json({ limit: '64kb' }), async (req, res) => {
    const parsed = body.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'BODY_INVALID', message: 'expected {"shop", "name", "email"?, "companyLocationIds": [...]}', details: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) } });
      return;
    }
    const { approver, token } = await deps.approvers.create({ shop: parsed.data.shop, name: parsed.data.name, email: parsed.data.email ?? null, companyLocationGids: [...new Set(parsed.data.companyLocationIds)] });
    res.status(201).json({ approverId: approver.id, name: approver.name, token, note: 'the token is shown once; only its hash is stored' });
  });
  return router;
}
