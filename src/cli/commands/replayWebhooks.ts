import type { ApiClient } from '../apiClient';
import { CliError } from '../cliError';
import { adminApi, withApiOptions, type ApiOptions } from '../commonOptions';
import type { CommandResult, RegisterCommand } from '../context';
import { EXIT } from '../exitCodes';
import { formatTable } from '../format';
import { withWebhookFilter, type WebhookFilterOptions } from './deadWebhooks';

type ReplayOptions = ApiOptions & WebhookFilterOptions & { all?: boolean };

interface IdResult {
  webhookId: string;
  outcome: 'queued' | 'not_found' | 'not_dead';
  status?: string;
}

/** What to ask the API for, or a usage error: IDs or a filter, and "everything" only with --all. */
export function replayRequest(ids: string[], o: ReplayOptions): Record<string, unknown> {
  const filter = Object.fromEntries(Object.entries({ shop: o.shop, topic: o.topic, since: o.since, until: o.until }).filter(([, v]) => v !== undefined));
  const filtered = Object.keys(filter).length > 0;
  if (ids.length > 0 && (filtered || o.all)) throw new CliError(EXIT.usage, 'USAGE', 'give webhook IDs, or a filter (--shop, --topic, --since, --until), or --all — not both');
  if (ids.length > 0) return { webhookIds: ids };
  if (filtered && o.all) throw new CliError(EXIT.usage, 'USAGE', '--all replays every dead webhook; leave it out to replay those matching the filter');
  if (filtered) return filter;
  if (o.all) return { all: true };
  throw new CliError(EXIT.usage, 'USAGE', 'refusing to replay every dead webhook without --all: give webhook IDs, a filter (--shop, --topic, --since, --until), or --all');
}

export async function replayWebhooks(api: ApiClient, ids: string[], options: ReplayOptions): Promise<CommandResult> {
  const { body } = await api.expect([202], 'POST', '/webhooks/replay', { body: replayRequest(ids, options) });
  if (!Array.isArray(body.results)) {
    const listed = (body.webhookIds as string[]).join('\n  ');
    return { exitCode: EXIT.ok, data: body, human: `${body.queued} dead webhook(s) queued for replay${body.queued ? `:\n  ${listed}${body.truncated ? '\n  …' : ''}` : ''}` };
  }
  const results = body.results as IdResult[];
  const failed = results.filter((r) => r.outcome !== 'queued');
  // Every ID queued: 0. Some unknown and nothing else wrong: 3. Otherwise (not dead): 1.
  const exitCode = failed.length === 0 ? EXIT.ok : failed.every((r) => r.outcome === 'not_found') ? EXIT.notFound : EXIT.failed;
  const table = formatTable(['webhook', 'outcome'], results.map((r) => [r.webhookId, r.outcome === 'not_dead' ? `not dead (${r.status}): not replayed` : r.outcome === 'not_found' ? 'not found' : 'queued']));
  return { exitCode, data: body, human: `${body.queued} of ${results.length} queued for replay\n${table}` };
}

/** `replay-webhooks [ids…]`, or in bulk by filter, or `--all`: dead webhooks back to the relay, which runs them again. */
export const replayWebhooksCommand: RegisterCommand = (program, ctx, report) => {
  withWebhookFilter(withApiOptions(program.command('replay-webhooks')))
    .description('replay dead webhooks: by ID, or every one matching a filter, or --all')
    .argument('[webhookIds...]', 'X-Shopify-Webhook-Id values of dead webhooks')
    .option('--all', 'replay every dead webhook (required when no ID and no filter is given)')
    .addHelpText('after', '\nOnly dead webhooks are replayed; each runs again under its own workflow ID.\n\nExit codes: 0 all queued (bulk: also when none matched); 1 some were not dead, or the token was not accepted; 2 no IDs/filter/--all, or both; 3 an ID is unknown; 4 API unreachable.')
    .action(async (ids: string[], options: ReplayOptions) => report(await replayWebhooks(adminApi(ctx, options), ids, options)));
};
