import { Router, type RequestHandler } from 'express';
import type { PendingApprovals } from '../../carts/pendingApprovals';
import type { DeadWebhookQueries } from '../../repositories/deadWebhookQueries';
import type { WorkflowStatusReader } from '../../temporal/workflowStatus';
import { bulkReplayRoutes } from './bulkReplay';
import { deadWebhookRoutes } from './deadWebhooks';
import { pendingApprovalRoutes } from './pendingApprovals';
import { workflowStatusRoutes } from './workflowStatus';

/** What the operator CLI's routes need, built once in startApi. */
export interface OperatorDeps {
  deadWebhooks: DeadWebhookQueries;
  workflows: WorkflowStatusReader;
  pendingApprovals: PendingApprovals;
}

/**
 * The routes the operator CLI (src/cli) needs beyond the older ones: dead webhooks and their
 * bulk replay, any workflow's status (admin token), and an approver's pending carts (approver token).
 */
export function operatorRoutes(deps: OperatorDeps & { onQueued: () => void; auth: RequestHandler }): Router {
  const router = Router();
  router.use(deadWebhookRoutes({ deadWebhooks: deps.deadWebhooks, auth: deps.auth }));
  router.use(bulkReplayRoutes({ deadWebhooks: deps.deadWebhooks, onQueued: deps.onQueued, auth: deps.auth }));
  router.use(workflowStatusRoutes({ workflows: deps.workflows, auth: deps.auth }));
  router.use(pendingApprovalRoutes({ pending: deps.pendingApprovals }));
  return router;
}
