import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { DECIDE_UPDATE, type ApprovalDecision, type DecideInput } from '../domain/carts/cartWorkflowContract';
import type { Approver, ApproverRepository } from '../repositories/approverRepository';
import type { CartRepository } from '../repositories/cartRepository';

export type DecisionOutcome =
  | { outcome: 'signalled'; groupId: string }
  | { outcome: 'unauthenticated' }
  | { outcome: 'forbidden' }
  | { outcome: 'not_found' }
  | { outcome: 'not_awaiting_approval'; status: string; reason?: string };

/**
 * An approver's decision on a cart, checked before anything is sent: a valid token of an
 * active approver (401 otherwise), assigned to the cart's company location (403), and the
 * cart waiting for approval (409). Then the decision goes to the workflow as an Update,
 * which accepts it only if the cart still awaits approval and nobody decided first — so a
 * 202 means the decision counts (two approvers at once: one 202, one 409).
 */
export function createCartDecisions(deps: { temporal: Client; carts: CartRepository; approvers: ApproverRepository }) {
  return {
    async authenticate(token: string | undefined): Promise<Approver | undefined> {
      return token ? deps.approvers.authenticate(token) : undefined;
    },

    async decide(token: string | undefined, groupId: string, decision: 'approve' | 'reject', comment: string | undefined): Promise<DecisionOutcome> {
      const approver = await this.authenticate(token);
      if (!approver) return { outcome: 'unauthenticated' };
      const group = await deps.carts.get(groupId);
      // Someone else's cart is "not found" to an approver from another shop: no probing.
      if (!group || group.shop !== approver.shop) return { outcome: 'not_found' };
      if (!(await deps.approvers.mayApprove(approver, group.shop, group.companyLocationGid))) return { outcome: 'forbidden' };
      if (group.status !== 'awaiting_approval') return { outcome: 'not_awaiting_approval', status: group.status };
      const input: DecideInput = { approverId: approver.id, approverName: approver.name, decision: decision === 'approve' ? 'approved' : 'rejected', ...(comment ? { comment } : {}) };
      let recorded: ApprovalDecision;
      try {
        recorded = await deps.temporal.workflow.getHandle(group.workflowId).executeUpdate<ApprovalDecision, [DecideInput]>(DECIDE_UPDATE, { args: [input] });
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return { outcome: 'not_awaiting_approval', status: group.status };
        if (err instanceof WorkflowUpdateFailedError) return { outcome: 'not_awaiting_approval', status: group.status, reason: err.cause?.message ?? err.message };
        throw err;
      }
      await deps.carts.decisionSent(groupId, recorded);
      return { outcome: 'signalled', groupId };
    },
  };
}

export type CartDecisions = ReturnType<typeof createCartDecisions>;
