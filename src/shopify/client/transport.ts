import { ShopifyAbortedError, ShopifyHttpError, ShopifyNetworkError } from './errors';

export interface HttpResponse {
  status: number;
  retryAfterMs: number | undefined;
  body: unknown;
}

/** Connection errors that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function causeCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let i = 0; i < 4 && current; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Retry-After in seconds (or an HTTP date), as milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * One POST of a GraphQL request. Bounded by `timeoutMs` and by the caller's signal; a
 * timeout or a reset connection is reported as ambiguous (the request may have run).
 */
export async function postGraphQL(
  url: string,
  accessToken: string,
  payload: { query: string; variables: unknown; operationName: string },
  options: { timeoutMs: number; signal?: AbortSignal; operation: string },
): Promise<HttpResponse> {
  const signals = [AbortSignal.timeout(options.timeoutMs)];
  if (options.signal) signals.push(options.signal);
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Shopify-Access-Token': accessToken },
      body: JSON.stringify(payload),
      signal: AbortSignal.any(signals),
    });
    text = await res.text();
  } catch (err) {
    if (options.signal?.aborted) throw new ShopifyAbortedError(options.operation);
    const code = causeCode(err);
    if ((err as Error).name === 'TimeoutError') throw new ShopifyNetworkError(`${options.operation} timed out after ${options.timeoutMs} ms`, true);
    if (code && NOT_SENT_CODES.has(code)) throw new ShopifyNetworkError(`${options.operation}: ${code}`, false);
    throw new ShopifyNetworkError(`${options.operation}: ${code ?? (err as Error).message}`, true);
  }
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, a truncated body: only an HTTP error can explain it.
    throw new ShopifyHttpError(res.status, retryAfterMs, text);
  }
  return { status: res.status, retryAfterMs, body };
}
