/**
 * What the draft-order workflow shares with its callers (API, CLI, Temporal Web UI): its
 * ID, its signals and its query. Names only — no workflow code — so the API can import it.
 */
export const cartWorkflowId = (groupId: string) => `cart-${groupId}`;

export const APPROVE_SIGNAL = 'approve';
export const REJECT_SIGNAL = 'reject';
export const STATE_QUERY = 'state';
/**
 * The API's way to decide: an Update, so the approver learns whether the decision counted
 * (accepted only while the cart awaits approval and nobody has decided; otherwise refused).
 */
export const DECIDE_UPDATE = 'decide';

/** The argument of `approve` / `reject`. From the Web UI: {"approverName": "…", "comment": "…"}. */
export interface ApprovalDecisionInput {
  approverId?: string;
  approverName: string;
  comment?: string;
}

export interface DecideInput extends ApprovalDecisionInput {
  decision: 'approved' | 'rejected';
}

export interface ApprovalDecision extends ApprovalDecisionInput {
  decision: 'approved' | 'rejected';
  decidedAt: string;
}

export interface CartWorkflowState {
  groupId: string;
  status: string;
  drafts: { index: number; draftOrderGid: string; name: string }[];
  approvalRequired: boolean;
  approvalDeadline: string | null;
  decision: ApprovalDecision | null;
  error: string | null;
}
