import { type ShopifyError, ShopifyGraphQLError, ShopifyHttpError, ShopifyNetworkError, ShopifyThrottledError } from './errors';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 20_000 };

export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false };

/** GraphQL error codes that mean Shopify failed, not the query: worth another try. */
const TRANSIENT_GRAPHQL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'TIMEOUT']);

/**
 * Whether and when to try again after a failure. Throttling waits for the bucket (the
 * caller's throttle store computes how long) or for Retry-After. Other transient failures
 * back off exponentially with full jitter. A mutation is retried on an ambiguous failure
 * (the request may have run) only when the caller declared it idempotent; userErrors are
 * never retried (they never reach here: they are not transport failures).
 */
export function decideRetry(
  error: ShopifyError,
  attempt: number,
  ctx: { kind: 'query' | 'mutation'; idempotent: boolean; policy: RetryPolicy; random?: () => number },
): RetryDecision {
  // Throttling is expected under load and costs nothing (not executed): it gets more room.
  const cap = error instanceof ShopifyThrottledError ? ctx.policy.maxAttempts * 4 : ctx.policy.maxAttempts;
  if (attempt >= cap) return { retry: false };
  const random = ctx.random ?? Math.random;
  const backoff = () => Math.round(random() * Math.min(ctx.policy.maxDelayMs, ctx.policy.baseDelayMs * 2 ** (attempt - 1)));
  const mayRepeat = ctx.kind === 'query' || ctx.idempotent;

  if (error instanceof ShopifyThrottledError) {
    // Not executed; the bucket model decides the wait before the next attempt.
    return { retry: true, delayMs: error.retryAfterMs ?? 0, reason: 'throttled' };
  }
  if (error instanceof ShopifyHttpError) {
    if (error.status === 429) return { retry: true, delayMs: error.retryAfterMs ?? backoff(), reason: 'http 429' };
    // 502/503 come from Shopify's edge before the request runs; 500/504 may have run it.
    if (error.status === 502 || error.status === 503) return { retry: true, delayMs: error.retryAfterMs ?? backoff(), reason: `http ${error.status}` };
    if (error.status >= 500 && mayRepeat) return { retry: true, delayMs: error.retryAfterMs ?? backoff(), reason: `http ${error.status}` };
    return { retry: false };
  }
  if (error instanceof ShopifyNetworkError) {
    if (!error.ambiguous || mayRepeat) return { retry: true, delayMs: backoff(), reason: error.code };
    return { retry: false };
  }
  if (error instanceof ShopifyGraphQLError) {
    const transient = error.errors.some((e) => TRANSIENT_GRAPHQL_CODES.has(e.extensions?.code ?? ''));
    if (transient && mayRepeat) return { retry: true, delayMs: backoff(), reason: 'graphql transient' };
    return { retry: false };
  }
  return { retry: false };
}
