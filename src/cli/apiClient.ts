import { CliError } from './cliError';
import { EXIT, exitCodeForStatus } from './exitCodes';

export const DEFAULT_API_URL = 'http://localhost:3000';
const TIMEOUT_MS = 30_000;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  /** The JSON body, read loosely: commands use the fields they know. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface ApiClient {
  baseUrl: string;
  /** An absolute address for a path the API answered (statusUrl). */
  url(path: string): string;
  request(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; query?: Record<string, string | number | undefined> }): Promise<ApiAnswer>;
  /** request, then a CliError unless the status is one of `expected`. */
  expect(expected: number[], method: string, path: string, options?: Parameters<ApiClient['request']>[2]): Promise<ApiAnswer>;
}

/** The API's refusal as a CliError: its error code and message, the exit code from the status. */
export function refusal(answer: ApiAnswer): CliError {
  const error = answer.body?.error ?? {};
  const { error: _error, ...rest } = typeof answer.body === 'object' && answer.body !== null ? answer.body : {};
  return new CliError(exitCodeForStatus(answer.status), typeof error.code === 'string' ? error.code : `HTTP_${answer.status}`, typeof error.message === 'string' ? error.message : `the API answered HTTP ${answer.status}`, {
    status: answer.status,
    ...(error.details ? { details: error.details } : {}),
    ...rest,
  });
}

export function createApiClient(options: { baseUrl: string; token: string | undefined }): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const client: ApiClient = {
    baseUrl,
    url: (path) => `${baseUrl}${path}`,
    async request(method, path, { body, headers = {}, query = {} } = {}) {
      const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]): [string, string] => [k, String(v)])).toString();
      let res: Response;
      try {
        res = await fetch(`${baseUrl}${path}${search ? `?${search}` : ''}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        // fetch says "fetch failed"; the cause says why (ECONNREFUSED, a timeout, a DNS error).
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        const why = cause?.code ?? cause?.message ?? (err as Error).message;
        throw new CliError(EXIT.unavailable, 'API_UNREACHABLE', `cannot reach the API at ${baseUrl}: ${why}`, { apiUrl: baseUrl });
      }
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        parsed = { error: { code: `HTTP_${res.status}`, message: text.slice(0, 500) } };
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    async expect(expected, method, path, requestOptions) {
      const answer = await client.request(method, path, requestOptions);
      if (!expected.includes(answer.status)) throw refusal(answer);
      return answer;
    },
  };
  return client;
}
