import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { APPROVE_SIGNAL, REJECT_SIGNAL, type ApprovalDecisionInput } from '../domain/carts/cartWorkflowContract';
import type { Approver, ApproverRepository } from '../repositories/approverRepository';
import type { CartRepository } from '../repositories/cartRepository';

export type DecisionOutcome =
  | { outcome: 'signalled'; groupId: string }
  | { outcome: 'unauthenticated' }
  | { outcome: 'forbidden' }
  | { outcome: 'not_found' }
  | { outcome: 'not_awaiting_approval'; status: string };

/**
 * An approver's decision on a cart, checked before anything is sent: a valid token of an
 * active approver (401 otherwise), assigned to the cart's company location (403), and the
 * cart waiting for approval (409). Only then is the workflow signalled.
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
      const input: ApprovalDecisionInput = { approverId: approver.id, approverName: approver.name, ...(comment ? { comment } : {}) };
      try {
        await deps.temporal.workflow.getHandle(group.workflowId).signal(decision === 'approve' ? APPROVE_SIGNAL : REJECT_SIGNAL, input);
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return { outcome: 'not_awaiting_approval', status: group.status };
        throw err;
      }
      await deps.carts.decisionSent(groupId, { ...input, decision: decision === 'approve' ? 'approved' : 'rejected', sentAt: new Date().toISOString() });
      return { outcome: 'signalled', groupId };
    },
  };
}

export type CartDecisions = ReturnType<typeof createCartDecisions>;
