import type { CartRepository } from '../repositories/cartRepository';
import type { CartDecisions } from './cartDecisions';

export interface PendingApproval {
  groupId: string;
  shop: string;
  buyer: string;
  companyLocationId: string;
  poNumber: string | null;
  lineCount: number;
  currencyCode: string | null;
  total: string | null;
  reason: string | null;
  deadline: Date | null;
  createdAt: Date;
  drafts: { name: string | null; lineCount: number }[];
}

export type PendingApprovalsResult = { outcome: 'unauthenticated' } | { outcome: 'listed'; approver: { id: string; name: string }; carts: PendingApproval[] };

/**
 * The carts waiting for one approver (the JSON twin of the approvals page, for the CLI):
 * the same token check and the same query as the page, so both show the same carts.
 */
export function createPendingApprovals(deps: { decisions: Pick<CartDecisions, 'authenticate'>; carts: Pick<CartRepository, 'pendingFor' | 'buyerName' | 'drafts'> }) {
  return {
    async list(token: string | undefined): Promise<PendingApprovalsResult> {
      const approver = await deps.decisions.authenticate(token);
      if (!approver) return { outcome: 'unauthenticated' };
      const groups = await deps.carts.pendingFor(approver.id);
      const carts = await Promise.all(
        groups.map(async (g): Promise<PendingApproval> => ({
          groupId: g.id,
          shop: g.shop,
          buyer: await deps.carts.buyerName(g.id),
          companyLocationId: g.companyLocationGid,
          poNumber: g.poNumber,
          lineCount: g.lineCount,
          currencyCode: g.currencyCode,
          total: g.total,
          reason: g.approvalReason,
          deadline: g.approvalDeadline,
          createdAt: g.createdAt,
          drafts: (await deps.carts.drafts(g.id)).map((d) => ({ name: d.name, lineCount: d.lineCount })),
        })),
      );
      return { outcome: 'listed', approver: { id: approver.id, name: approver.name }, carts };
    },
  };
}

export type PendingApprovals = ReturnType<typeof createPendingApprovals>;
