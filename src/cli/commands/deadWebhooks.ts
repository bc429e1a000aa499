import type { Command } from 'commander';
import type { ApiClient } from '../apiClient';
import { adminApi, dateTime, positiveInt, withApiOptions, type ApiOptions } from '../commonOptions';
import type { CommandResult, RegisterCommand } from '../context';
import { EXIT } from '../exitCodes';
import { formatTable, truncate } from '../format';

export interface WebhookFilterOptions {
  shop?: string;
  topic?: string;
  since?: string;
  until?: string;
}

interface DeadWebhook {
  webhookId: string;
  shop: string;
  topic: string;
  receivedAt: string;
  replayCount: number;
  lastError: string | null;
}

export async function listDeadWebhooks(api: ApiClient, filter: WebhookFilterOptions, page: { limit?: number; cursor?: string }): Promise<CommandResult> {
  const { body } = await api.expect([200], 'GET', '/webhooks/dead', { query: { ...filter, ...page } });
  const webhooks = body.webhooks as DeadWebhook[];
  const table = formatTable(
    ['webhook', 'shop', 'topic', 'received', 'replays', 'error'],
    webhooks.map((w) => [w.webhookId, w.shop, w.topic, w.receivedAt, w.replayCount, truncate(w.lastError, 80)]),
  );
  const more = body.nextCursor ? `\nmore: add --cursor ${body.nextCursor}` : '';
  return { exitCode: EXIT.ok, data: body, human: webhooks.length ? `${body.total} dead webhook(s)${webhooks.length < body.total ? `, ${webhooks.length} shown` : ''}:\n${table}${more}` : 'no dead webhooks' };
}

/** Filter options shared by dead-webhooks and replay-webhooks. */
export function withWebhookFilter(command: Command): Command {
  return command
    .option('--shop <shop>', 'only this shop, <name>.myshopify.com')
    .option('--topic <topic>', 'only this topic, such as orders/create')
    .option('--since <time>', 'received at or after (ISO 8601, e.g. 2026-07-01T00:00:00Z)', dateTime)
    .option('--until <time>', 'received before (ISO 8601)', dateTime);
}

/** `dead-webhooks`: the events whose processing failed for good, oldest first. */
export const deadWebhooksCommand: RegisterCommand = (program, ctx, report) => {
  withWebhookFilter(withApiOptions(program.command('dead-webhooks')))
    .description('list dead webhooks (processing failed for good), oldest first')
    .option('--limit <n>', 'at most this many (1–1000, default 100)', positiveInt(1000))
    .option('--cursor <cursor>', 'the next page: the cursor the previous page printed')
    .addHelpText('after', '\nExit codes: 0 listed (also when none); 1 token not accepted; 2 bad filter or cursor; 4 API unreachable.')
    .action(async (options: ApiOptions & WebhookFilterOptions & { limit?: number; cursor?: string }) =>
      report(await listDeadWebhooks(adminApi(ctx, options), { shop: options.shop, topic: options.topic, since: options.since, until: options.until }, { limit: options.limit, cursor: options.cursor })),
    );
};
