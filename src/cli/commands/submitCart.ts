import { readFile } from 'node:fs/promises';
import { refusal, type ApiClient } from '../apiClient';
import { CliError } from '../cliError';
import { adminApi, withApiOptions, type ApiOptions } from '../commonOptions';
import type { CommandResult, RegisterCommand } from '../context';
import { EXIT } from '../exitCodes';
import { formatFields } from '../format';
import { cartIdempotencyKey } from '../idempotencyKey';

interface SubmitOptions extends ApiOptions {
  shop: string;
  location: string;
  contact?: string;
  email?: string;
  po?: string;
  note?: string;
  shippingTitle?: string;
  shippingPrice?: string;
  idempotencyKey?: string;
}

/** The cart of `POST /carts`, with the file's `sku,quantity` rows as linesCsv: the API parses and numbers the rows. */
export function cartBody(csv: string, o: SubmitOptions): Record<string, unknown> {
  if ((o.shippingTitle === undefined) !== (o.shippingPrice === undefined)) throw new CliError(EXIT.usage, 'USAGE', '--shipping-title and --shipping-price go together');
  return {
    shop: o.shop,
    companyLocationId: o.location,
    ...(o.contact ? { companyContactId: o.contact } : {}),
    ...(o.email ? { email: o.email } : {}),
    ...(o.po ? { poNumber: o.po } : {}),
    ...(o.note ? { note: o.note } : {}),
    ...(o.shippingTitle ? { shipping: { title: o.shippingTitle, price: o.shippingPrice } } : {}),
    linesCsv: csv,
  };
}

export async function submitCart(api: ApiClient, file: string, options: SubmitOptions): Promise<CommandResult> {
  let csv: string;
  try {
    csv = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(EXIT.usage, 'FILE_UNREADABLE', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const body = cartBody(csv, options);
  const key = options.idempotencyKey ?? cartIdempotencyKey(body);
  const answer = await api.request('POST', '/carts', { body, headers: { 'idempotency-key': key } });
  if (answer.status === 503 && answer.body?.groupId) {
    // Recorded but not started: the same command again (same key) starts it.
    throw new CliError(EXIT.unavailable, answer.body.error?.code ?? 'CART_WORKFLOW_NOT_STARTED', `${answer.body.error?.message ?? 'the cart was recorded but not started'} — run the same command again`, { status: 503, groupId: answer.body.groupId, idempotencyKey: key });
  }
  if (answer.status !== 202) {
    const refused = refusal(answer);
    // The CSV rows the API refused, one per line, each with its row number.
    const rows = Array.isArray(refused.details.details) ? (refused.details.details as { message: string }[]).map((d) => `\n  ${d.message}`).join('') : '';
    throw new CliError(refused.exitCode, refused.code, `${refused.message}${rows}`, { ...refused.details, idempotencyKey: key });
  }
  const replayed = answer.headers.get('idempotent-replayed') === 'true';
  const data = { groupId: answer.body.groupId, workflowId: answer.body.workflowId, workflowUrl: answer.body.workflowUrl, status: answer.body.status, statusUrl: api.url(answer.body.statusUrl), idempotencyKey: key, replayed };
  return {
    exitCode: EXIT.ok,
    data,
    human: formatFields([
      ['group', data.groupId],
      ['workflow', data.workflowId],
      ['Web UI', data.workflowUrl],
      ['status', `${data.status}${replayed ? ' (already submitted: same group)' : ''}`],
      ['status URL', data.statusUrl],
    ]),
  };
}

/** `submit-cart <file.csv> --shop … --location …`: submits a cart once, however often it is run. */
export const submitCartCommand: RegisterCommand = (program, ctx, report) => {
  withApiOptions(program.command('submit-cart'))
    .description('submit a B2B cart from a CSV file of sku,quantity rows; running it again with the same file and options gives the same cart group')
    .argument('<file>', 'CSV file: sku,quantity per row (a header row is allowed)')
    .requiredOption('--shop <shop>', 'the shop, <name>.myshopify.com')
    .requiredOption('--location <gid>', 'company location, gid://shopify/CompanyLocation/<id>')
    .option('--contact <gid>', 'company contact, gid://shopify/CompanyContact/<id>')
    .option('--email <email>', "buyer's email (invoices)")
    .option('--po <number>', 'purchase order number')
    .option('--note <text>', 'note on the drafts')
    .option('--shipping-title <title>', 'negotiated freight: title (with --shipping-price)')
    .option('--shipping-price <amount>', 'negotiated freight: price such as 150.00 (with --shipping-title)')
    .option('--idempotency-key <key>', 'use this key instead of one derived from the file and the options')
    .addHelpText('after', '\nExit codes: 0 submitted (or already submitted); 1 the key was used with another cart (409); 2 bad file, options or rows (every problem listed); 4 API unreachable or Temporal down (run again).')
    .action(async (file: string, options: SubmitOptions) => report(await submitCart(adminApi(ctx, options), file, options)));
};
