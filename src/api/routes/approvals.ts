import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { CartDecisions } from '../../carts/cartDecisions';
import type { CartRepository } from '../../repositories/cartRepository';
import { approvalsPage, loginPage, type PendingCart } from '../views/approvalsPage';

const COOKIE = 'b2b_approver';
const idParams = z.object({ id: z.uuid() });

function tokenFrom(req: Request): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // a mangled cookie is no token
    }
  }
  return undefined;
}

/**
 * The approvers' page: sign in with the approver token (kept in an HttpOnly, SameSite=Strict
 * cookie scoped to /approvals, so another site cannot make the browser approve), see the
 * carts waiting for you, approve or reject. Decisions go through the same checks as the
 * JSON API (CartDecisions).
 */
export function approvalsRoutes(deps: { decisions: CartDecisions; carts: CartRepository; secureCookies: boolean }): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  const cookie = (token: string, maxAge: number) =>
    `${COOKIE}=${encodeURIComponent(token)}; Path=/approvals; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${deps.secureCookies ? '; Secure' : ''}`;
  const html = (res: Response, status: number, body: string) => res.status(status).type('html').set('Cache-Control', 'no-store').send(body);

  router.get('/approvals', async (req, res) => {
    const approver = await deps.decisions.authenticate(tokenFrom(req));
    if (!approver) return html(res, tokenFrom(req) ? 401 : 200, loginPage(tokenFrom(req) ? 'That token is not valid (any more). Sign in again.' : undefined));
    const groups = await deps.carts.pendingFor(approver.id);
    const pending: PendingCart[] = await Promise.all(
      groups.map(async (group) => ({
        group,
        buyer: await deps.carts.buyerName(group.id),
        drafts: (await deps.carts.drafts(group.id)).map((d) => ({ name: d.name, lineCount: d.lineCount })),
      })),
    );
    const done = typeof req.query.done === 'string' ? req.query.done : undefined;
    html(res, 200, approvalsPage(approver.name, pending, done));
  });

  router.post('/approvals/login', form, async (req, res) => {
    const token = typeof req.body?.token === 'string' ? req.body.token.trim() : '';
    if (!(await deps.decisions.authenticate(token))) return html(res, 401, loginPage('That token is not valid.'));
    res.set('Set-Cookie', cookie(token, 8 * 3600)).redirect(303, '/approvals');
  });

  router.get('/approvals/logout', (_req, res) => {
    res.set('Set-Cookie', cookie('', 0)).redirect(303, '/approvals');
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/approvals/:id/${decision}`, form, async (req, res) => {
      const params = idParams.safeParse(req.params);
      if (!params.success) return html(res, 400, loginPage('Not a cart ID.'));
      const comment = typeof req.body?.comment === 'string' && req.body.comment.trim() ? req.body.comment.trim().slice(0, 2000) : undefined;
      const result = await deps.decisions.decide(tokenFrom(req), params.data.id, decision, comment);
      switch (result.outcome) {
        case 'signalled':
          return res.redirect(303, `/approvals?done=${encodeURIComponent(`${decision === 'approve' ? 'Approved' : 'Rejected'} cart ${result.groupId}.`)}`);
        case 'unauthenticated':
          return html(res, 401, loginPage('Sign in to decide on carts.'));
        case 'forbidden':
          return html(res, 403, loginPage('You may not approve carts of that company location.'));
        case 'not_found':
          return html(res, 404, loginPage('No such cart.'));
        case 'not_awaiting_approval':
          return res.redirect(303, `/approvals?done=${encodeURIComponent(`That cart is ${result.status}; nothing was sent.`)}`);
      }
    });
  }
  return router;
}
