import type { ApiClient } from '../apiClient';
import { approverApi, withApiOptions, type ApiOptions } from '../commonOptions';
import type { CommandResult, RegisterCommand } from '../context';
import { EXIT } from '../exitCodes';
import { formatTable } from '../format';

export const APPROVER_TOKEN_HELP = 'approver token (default: $B2B_APPROVER_TOKEN)';

interface PendingCart {
  groupId: string;
  buyer: string;
  poNumber: string | null;
  lineCount: number;
  total: string | null;
  currencyCode: string | null;
  reason: string | null;
  deadline: string | null;
  drafts: unknown[];
}

export async function listApprovals(api: ApiClient): Promise<CommandResult> {
  const { body } = await api.expect([200], 'GET', '/approvals/pending');
  const carts = body.carts as PendingCart[];
  const table = formatTable(
    ['cart', 'buyer', 'PO', 'lines', 'drafts', 'total', 'deadline', 'reason'],
    carts.map((c) => [c.groupId, c.buyer, c.poNumber, c.lineCount, c.drafts.length, c.total === null ? null : `${c.total} ${c.currencyCode ?? ''}`.trim(), c.deadline, c.reason]),
  );
  return { exitCode: EXIT.ok, data: body, human: carts.length ? `${carts.length} cart(s) waiting for ${body.approver.name}:\n${table}` : `no cart is waiting for ${body.approver.name}` };
}

/** `approvals`: the carts waiting for the approver whose token is given. */
export const approvalsCommand: RegisterCommand = (program, ctx, report) => {
  withApiOptions(program.command('approvals'), APPROVER_TOKEN_HELP)
    .description('list the carts waiting for an approver (the approver token decides whose)')
    .addHelpText('after', '\nExit codes: 0 listed (also when none waits); 1 token missing or not accepted (401); 4 API unreachable.')
    .action(async (options: ApiOptions) => report(await listApprovals(approverApi(ctx, options))));
};
