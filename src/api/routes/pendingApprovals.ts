import { Router } from 'express';
import type { PendingApprovals } from '../../carts/pendingApprovals';
import { cartStatusUrl } from './carts';

const bearer = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined);

/**
 * `GET /approvals/pending` (`Authorization: Bearer <approver token>`): the carts waiting for
 * this approver, as JSON — what the approvals page shows, for the CLI.
 */
export function pendingApprovalRoutes({ pending }: { pending: PendingApprovals }): Router {
  const router = Router();
  router.get('/approvals/pending', async (req, res) => {
    const result = await pending.list(bearer(req.get('authorization')));
    switch (result.outcome) {
      case 'listed':
        return void res.set('Cache-Control', 'no-store').json({ approver: result.approver, carts: result.carts.map((c) => ({ ...c, statusUrl: cartStatusUrl(c.groupId) })) });
      case 'unauthenticated':
        return void res.status(401).json({ error: { code: 'APPROVER_AUTH_REQUIRED', message: 'an approver token is required (Authorization: Bearer …)' } });
      default: {
        const unreachable: never = result;
        throw new Error(`unhandled ${JSON.stringify(unreachable)}`);
      }
    }
  });
  return router;
}
