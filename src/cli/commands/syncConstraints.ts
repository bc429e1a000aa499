import { Option } from 'commander';
import type { ApiClient } from '../apiClient';
import { adminApi, withApiOptions, type ApiOptions } from '../commonOptions';
import type { CommandResult, RegisterCommand } from '../context';
import { EXIT } from '../exitCodes';
import { formatFields } from '../format';

export async function syncConstraints(api: ApiClient, shop: string, mode: 'full' | 'dirty'): Promise<CommandResult> {
  const { body } = await api.expect([202], 'POST', '/constraints/sync', { body: { shop, mode } });
  return {
    exitCode: EXIT.ok,
    data: body,
    human: `${formatFields([
      ['shop', body.shop ?? shop],
      ['workflow', body.workflowId],
      ['mode', body.mode ?? mode],
    ])}\nfollow it with: b2b workflow ${body.workflowId}`,
  };
}

/** `sync-constraints --shop …`: push a shop's checkout constraints to its metafields now. */
export const syncConstraintsCommand: RegisterCommand = (program, ctx, report) => {
  withApiOptions(program.command('sync-constraints'))
    .description("run a shop's constraint → metafield sync now (a running sync makes one more pass)")
    .requiredOption('--shop <shop>', 'the shop, <name>.myshopify.com')
    .addOption(new Option('--mode <mode>', 'full: every constraint; dirty: only those marked changed').choices(['full', 'dirty']).default('full'))
    .addHelpText('after', '\nExit codes: 0 started; 1 token not accepted; 2 bad shop or mode; 3 shop not installed; 4 API unreachable or Temporal down.')
    .action(async (options: ApiOptions & { shop: string; mode: 'full' | 'dirty' }) => report(await syncConstraints(adminApi(ctx, options), options.shop, options.mode)));
};
