import { InvalidArgumentError, type Command } from 'commander';
import { createApiClient, DEFAULT_API_URL, type ApiClient } from './apiClient';
import type { CliContext } from './context';

export interface ApiOptions {
  apiUrl?: string;
  token?: string;
  json?: boolean;
}

/** --api-url, --token and --json on a command. Tokens never get a shown default: help must not print secrets. */
export function withApiOptions(command: Command, tokenHelp = 'admin API token (default: $ADMIN_API_TOKEN)'): Command {
  return command
    .option('--api-url <url>', `base URL of the API (default: $B2B_API_URL or ${DEFAULT_API_URL})`)
    .option('--token <token>', tokenHelp)
    .option('--json', 'print one JSON document on stdout instead of text');
}

export function adminApi(ctx: CliContext, options: ApiOptions): ApiClient {
  return createApiClient({ baseUrl: options.apiUrl ?? ctx.env.apiUrl ?? DEFAULT_API_URL, token: options.token ?? ctx.env.adminToken });
}

export function approverApi(ctx: CliContext, options: ApiOptions): ApiClient {
  return createApiClient({ baseUrl: options.apiUrl ?? ctx.env.apiUrl ?? DEFAULT_API_URL, token: options.token ?? ctx.env.approverToken });
}

/** A positive integer option (commander turns the InvalidArgumentError into a usage error). */
export function positiveInt(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`expected a whole number from 1 to ${max}`);
    return n;
  };
}

/** A date-time option, checked before anything is sent; passed on as ISO 8601. */
export function dateTime(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('expected a date-time such as 2026-07-01T00:00:00Z');
  return new Date(ms).toISOString();
}
