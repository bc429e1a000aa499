import express, { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { CartDecisions } from '../../carts/cartDecisions';
import type { CartSubmitter } from '../../carts/cartSubmitter';
import type { CartGroupRow } from '../../db/schema';
import { cartBodyParsers, cartOf } from './cartBody';
import type { CartRepository } from '../../repositories/cartRepository';
import type { WorkflowUrl } from '../../temporal/workflowStatus';

const idParams = z.object({ id: z.uuid() });
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const decisionBody = z.object({ comment: z.string().max(2000).optional() });

export const cartStatusUrl = (id: string) => `/carts/${id}`;

const bearer = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined);

/** What `GET /carts/:id` answers. */
export async function cartView(carts: CartRepository, group: CartGroupRow) {
  const [drafts, problems] = await Promise.all([carts.drafts(group.id), group.status === 'invalid' ? carts.lines(group.id) : Promise.resolve([])]);
  return {
    id: group.id,
    shop: group.shop,
    status: group.status,
    workflowId: group.workflowId,
    companyLocationId: group.companyLocationGid,
    poNumber: group.poNumber,
    lineCount: group.lineCount,
    currencyCode: group.currencyCode,
    totals: group.total === null ? null : { subtotal: group.subtotal, discount: group.discountTotal, shipping: group.shippingTotal, total: group.total },
    plan: group.plan,
    drafts: drafts.map((d) => ({ index: d.draftIndex, position: `${d.draftIndex + 1} of ${drafts.length}`, status: d.status, draftOrderId: d.draftOrderGid, name: d.name, orderId: d.orderGid, lineCount: d.lineCount, total: d.total })),
    approval: { required: group.approvalRequired, reason: group.approvalReason, deadline: group.approvalDeadline, decision: group.approvalDecision, reminderSentAt: group.reminderSentAt },
    problems: problems.filter((l) => l.problem).slice(0, 100).map((l) => ({ line: l.lineNo + 1, sku: l.sku, variantId: l.variantGid, problem: l.problem })),
    error: group.error,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
    finishedAt: group.finishedAt,
  };
}

/**
 * `POST /carts` (JSON, or text/csv with the cart's other fields as query parameters),
 * `GET /carts/:id`, and the approvers' `POST /carts/:id/approve` / `reject`.
 */
export function cartRoutes(deps: { submitter: CartSubmitter; decisions: CartDecisions; carts: CartRepository; auth: RequestHandler; maxLines: number; workflowUrl: WorkflowUrl }): Router {
  const router = Router();
  const bad = (res: Response, code: string, message: string, details?: unknown) => res.status(400).json({ error: { code, message, ...(details ? { details } : {}) } });

  router.post(
    '/carts',
    deps.auth,
    ...cartBodyParsers,
    async (req, res) => {
      const key = req.get('idempotency-key');
      if (!key || !IDEMPOTENCY_KEY.test(key)) return bad(res, 'IDEMPOTENCY_KEY_REQUIRED', 'an Idempotency-Key header (1–255 visible ASCII characters) is required');
      const cart = cartOf(req, res, { maxLines: deps.maxLines, invalidMessage: 'the cart cannot be accepted' });
      if (!cart) return;
      const result = await deps.submitter.submit(cart, key);
      if (result.outcome === 'key_conflict') {
        res.status(409).json({ error: { code: 'IDEMPOTENCY_KEY_REUSED', message: 'this Idempotency-Key was used with a different cart' }, groupId: result.group.id, statusUrl: cartStatusUrl(result.group.id) });
        return;
      }
      const g = result.group;
      if (result.replayed) res.set('Idempotent-Replayed', 'true');
      res.status(202).json({ groupId: g.id, workflowId: g.workflowId, workflowUrl: deps.workflowUrl(g.workflowId), status: g.status, statusUrl: cartStatusUrl(g.id) });
    },
  );

  router.get('/carts/:id', deps.auth, async (req, res) => {
    const parsed = idParams.safeParse(req.params);
    if (!parsed.success) return bad(res, 'CART_ID_INVALID', 'cart group ID must be a UUID');
    const group = await deps.carts.get(parsed.data.id);
    if (!group) {
      res.status(404).json({ error: { code: 'CART_NOT_FOUND', message: 'no such cart group' } });
      return;
    }
    res.json(await cartView(deps.carts, group));
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/carts/:id/${decision}`, express.json({ limit: '16kb' }), async (req, res) => {
      const params = idParams.safeParse(req.params);
      if (!params.success) return bad(res, 'CART_ID_INVALID', 'cart group ID must be a UUID');
      const body = decisionBody.safeParse(req.body ?? {});
      if (!body.success) return bad(res, 'BODY_INVALID', 'expected {"comment"?: string}');
      const result = await deps.decisions.decide(bearer(req.get('authorization')), params.data.id, decision, body.data.comment);
      sendDecision(res, result);
    });
  }
  return router;
}

export function sendDecision(res: Response, result: Awaited<ReturnType<CartDecisions['decide']>>): void {
  switch (result.outcome) {
    case 'signalled':
      res.status(202).json({ groupId: result.groupId, status: 'decision sent', statusUrl: cartStatusUrl(result.groupId) });
      return;
    case 'unauthenticated':
      res.status(401).json({ error: { code: 'APPROVER_AUTH_REQUIRED', message: 'an approver token is required (Authorization: Bearer …)' } });
      return;
    case 'forbidden':
      res.status(403).json({ error: { code: 'APPROVER_NOT_ASSIGNED', message: 'this approver may not approve carts of this company location' } });
      return;
    case 'not_found':
      res.status(404).json({ error: { code: 'CART_NOT_FOUND', message: 'no such cart group' } });
      return;
    case 'not_awaiting_approval':
      res.status(409).json({ error: { code: 'CART_NOT_AWAITING_APPROVAL', message: result.reason ?? `the cart is ${result.status}, not awaiting approval` } });
      return;
    default: {
      const unreachable: never = result;
      throw new Error(`unhandled ${JSON.stringify(unreachable)}`);
    }
  }
}
