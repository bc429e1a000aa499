import type { ApiClient } from '../apiClient';
import { CliError } from '../cliError';
import { adminApi, withApiOptions, type ApiOptions } from '../commonOptions';
import type { CliIo, CommandResult, RegisterCommand } from '../context';
import { EXIT } from '../exitCodes';
import { formatFields } from '../format';
import { formatBytes, renderProgress } from '../progressBar';

const POLL_MS = 1_000;
/** Consecutive unavailable answers tolerated while following an import (about a minute). */
const MAX_UNAVAILABLE_POLLS = 60;

interface ImportStatus {
  id: string;
  status: string;
  progress: number;
  bytes: { loaded: number; total: number | null };
  lines: number;
  rejectedLines: number;
  error: string | null;
  stats: unknown;
}

export async function importCatalog(api: ApiClient, io: CliIo, options: { shop: string; wait: boolean; json: boolean }): Promise<CommandResult> {
  const started = await api.expect([202], 'POST', '/imports/catalog', { body: { shop: options.shop, trigger: 'cli' } });
  const importId = started.body.importId as string;
  const statusUrl = api.url(started.body.statusUrl);
  if (!options.wait) {
    return { exitCode: EXIT.ok, data: { ...started.body, statusUrl }, human: formatFields([['import', importId], ['workflow', started.body.workflowId], ['status', statusUrl]]) };
  }
  const bar = io.errIsTTY && !options.json;
  let blips = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    let s: ImportStatus;
    try {
      s = (await api.expect([200], 'GET', `/imports/${importId}`)).body as ImportStatus;
      blips = 0;
    } catch (err) {
      // The import goes on whether or not we can see it: a moment of "unavailable" (API
      // restarting, database saturated) is waited out, not reported as the import failing.
      if (err instanceof CliError && err.exitCode === EXIT.unavailable && ++blips <= MAX_UNAVAILABLE_POLLS) continue;
      throw err;
    }
    if (bar) io.err(`\r${renderProgress(s.progress, `${formatBytes(s.bytes.loaded)} / ${formatBytes(s.bytes.total)}  ${s.lines.toLocaleString('en-US')} lines  ${s.status}`)}`);
    if (s.status !== 'completed' && s.status !== 'failed') continue;
    if (bar) io.err('\n');
    if (s.status === 'completed') {
      return { exitCode: EXIT.ok, data: s, human: `import ${importId} completed: ${s.lines.toLocaleString('en-US')} lines, ${s.rejectedLines} rejected\n${JSON.stringify(s.stats, null, 2)}` };
    }
    return { exitCode: EXIT.failed, data: s, human: `import ${importId} failed: ${s.error}` };
  }
}

/** `import-catalog --shop <shop>`: a full catalog import, followed with a progress bar until it ends. */
export const importCatalogCommand: RegisterCommand = (program, ctx, report) => {
  withApiOptions(program.command('import-catalog'))
    .description('start a full catalog import of a shop (Shopify bulk export → PostgreSQL) and follow it to the end')
    .requiredOption('--shop <shop>', 'the shop, <name>.myshopify.com')
    .option('--no-wait', 'print the import ID and return at once')
    .addHelpText('after', '\nExit codes: 0 completed (or started, with --no-wait); 1 the import failed, or one is already running (409) or the shop is not installed (422); 2 bad shop; 4 API unreachable.')
    .action(async (options: ApiOptions & { shop: string; wait: boolean }) => {
      try {
        report(await importCatalog(adminApi(ctx, options), ctx.io, { shop: options.shop, wait: options.wait, json: Boolean(options.json) }));
      } catch (err) {
        // The running import's ID is what the operator needs next.
        if (err instanceof CliError && err.details.importId) throw new CliError(err.exitCode, err.code, `${err.message} — running import ${String(err.details.importId)}`, err.details);
        throw err;
      }
    });
};
