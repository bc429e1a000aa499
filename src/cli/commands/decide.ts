import type { ApiClient } from '../apiClient';
import { approverApi, withApiOptions, type ApiOptions } from '../commonOptions';
import type { CommandResult, RegisterCommand } from '../context';
import { EXIT } from '../exitCodes';
import { APPROVER_TOKEN_HELP } from './approvals';

const EXIT_HELP = '\nExit codes: 0 the decision counts; 1 refused: no or unknown token (401), not assigned to the cart\'s company location (403), not awaiting approval or already decided (409); 2 not a cart ID; 3 no such cart; 4 API unreachable.';

export async function decide(api: ApiClient, cartId: string, decision: 'approve' | 'reject', comment: string | undefined): Promise<CommandResult> {
  const { body } = await api.expect([202], 'POST', `/carts/${encodeURIComponent(cartId)}/${decision}`, { body: comment ? { comment } : {} });
  const data = { ...body, decision: decision === 'approve' ? 'approved' : 'rejected', statusUrl: api.url(body.statusUrl) };
  return { exitCode: EXIT.ok, data, human: `cart ${cartId} ${data.decision} (${data.statusUrl})` };
}

/** `approve <cartId>`: an approver's approval; the drafts are completed. */
export const approveCommand: RegisterCommand = (program, ctx, report) => {
  withApiOptions(program.command('approve'), APPROVER_TOKEN_HELP)
    .description('approve a cart waiting for approval')
    .argument('<cartId>', 'the cart group ID (a UUID)')
    .option('--comment <text>', 'a comment kept with the decision')
    .addHelpText('after', EXIT_HELP)
    .action(async (cartId: string, options: ApiOptions & { comment?: string }) => report(await decide(approverApi(ctx, options), cartId, 'approve', options.comment)));
};

/** `reject <cartId> --reason …`: an approver's rejection; the drafts are deleted. */
export const rejectCommand: RegisterCommand = (program, ctx, report) => {
  withApiOptions(program.command('reject'), APPROVER_TOKEN_HELP)
    .description('reject a cart waiting for approval (its drafts are deleted)')
    .argument('<cartId>', 'the cart group ID (a UUID)')
    .requiredOption('--reason <text>', 'why: kept with the decision and shown to the buyer')
    .addHelpText('after', EXIT_HELP)
    .action(async (cartId: string, options: ApiOptions & { reason: string }) => report(await decide(approverApi(ctx, options), cartId, 'reject', options.reason)));
};
