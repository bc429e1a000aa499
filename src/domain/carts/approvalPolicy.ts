import type { Money } from '../money/decimal';

export interface ApprovalSettings {
  /** Every cart of the location needs an approver. */
  requiresApproval: boolean;
  /** Carts whose total reaches this need an approver; null: no threshold. */
  approvalThreshold: Money | null;
}

export type ApprovalRequirement = { required: false } | { required: true; reason: 'location requires approval' | 'total reaches the approval threshold' };

export function approvalRequirement(settings: ApprovalSettings, total: Money): ApprovalRequirement {
  if (settings.requiresApproval) return { required: true, reason: 'location requires approval' };
  if (settings.approvalThreshold !== null && total >= settings.approvalThreshold) return { required: true, reason: 'total reaches the approval threshold' };
  return { required: false };
}
