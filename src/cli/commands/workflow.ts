import type { ApiClient } from '../apiClient';
import { adminApi, withApiOptions, type ApiOptions } from '../commonOptions';
import type { CommandResult, RegisterCommand } from '../context';
import { EXIT } from '../exitCodes';
import { formatFields } from '../format';

export async function workflowStatus(api: ApiClient, workflowId: string): Promise<CommandResult> {
  const { body } = await api.expect([200], 'GET', `/workflows/${encodeURIComponent(workflowId)}`);
  return {
    exitCode: EXIT.ok,
    data: body,
    human: formatFields([
      ['workflow', body.workflowId],
      ['run', body.runId],
      ['type', body.type],
      ['status', body.status],
      ['task queue', body.taskQueue],
      ['started', body.startTime],
      ['closed', body.closeTime],
      ['history', `${body.historyLength} events`],
      ['web UI', body.webUiUrl],
    ]),
  };
}

/** `workflow <workflowId>`: the status of any workflow (webhook-…, cart-…, catalog-import-…, constraint-sync-…). */
export const workflowCommand: RegisterCommand = (program, ctx, report) => {
  withApiOptions(program.command('workflow'))
    .description('show the status of a workflow: status, type, start and close time, Temporal Web UI link')
    .argument('<workflowId>', 'e.g. webhook-<id>, cart-<groupId>, constraint-sync-<shop>')
    .addHelpText('after', '\nExit codes: 0 shown (whatever the workflow\'s status); 1 token not accepted; 3 no such workflow; 4 API unreachable or Temporal down.')
    .action(async (workflowId: string, options: ApiOptions) => report(await workflowStatus(adminApi(ctx, options), workflowId)));
};
