import { ShopifyGraphQLError, ShopifyHttpError, ShopifyNetworkError, ShopifyThrottledError, ShopifyUserErrorsError, type ShopifyError } from './errors';
import { decideRetry, DEFAULT_RETRY_POLICY } from './retryPolicy';
import { parseRetryAfter } from './transport';

const decide = (error: ShopifyError, kind: 'query' | 'mutation' = 'query', idempotent = false, attempt = 1) =>
  decideRetry(error, attempt, { kind, idempotent, policy: DEFAULT_RETRY_POLICY, random: () => 1 });

describe('decideRetry', () => {
  it.each([
    { name: 'THROTTLED, any operation', error: new ShopifyThrottledError(undefined, undefined), kind: 'mutation', retry: true },
    { name: 'HTTP 429', error: new ShopifyHttpError(429, 2_000, ''), kind: 'mutation', retry: true },
    { name: 'HTTP 503 on a mutation (refused before running)', error: new ShopifyHttpError(503, undefined, ''), kind: 'mutation', retry: true },
    { name: 'HTTP 500 on a query', error: new ShopifyHttpError(500, undefined, ''), kind: 'query', retry: true },
    { name: 'HTTP 500 on a mutation (may have run)', error: new ShopifyHttpError(500, undefined, ''), kind: 'mutation', retry: false },
    { name: 'HTTP 400', error: new ShopifyHttpError(400, undefined, ''), kind: 'query', retry: false },
    { name: 'connection refused on a mutation (never sent)', error: new ShopifyNetworkError('ECONNREFUSED', false), kind: 'mutation', retry: true },
    { name: 'timeout on a query', error: new ShopifyNetworkError('timed out', true), kind: 'query', retry: true },
    { name: 'timeout on a mutation', error: new ShopifyNetworkError('timed out', true), kind: 'mutation', retry: false },
    { name: 'a GraphQL validation error', error: new ShopifyGraphQLError('Q', [{ message: 'x', extensions: { code: 'undefinedField' } }]), kind: 'query', retry: false },
    { name: 'a GraphQL INTERNAL_SERVER_ERROR on a query', error: new ShopifyGraphQLError('Q', [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]), kind: 'query', retry: true },
    { name: 'userErrors', error: new ShopifyUserErrorsError('M', [{ message: 'no' }]), kind: 'mutation', retry: false },
  ] as const)('$name → retry $retry', ({ error, kind, retry }) => {
    expect(decide(error, kind).retry).toBe(retry);
  });

  it('retries an ambiguous mutation failure when the caller says it is idempotent', () => {
    expect(decide(new ShopifyNetworkError('reset', true), 'mutation', true).retry).toBe(true);
  });

  it('honours Retry-After', () => {
    expect(decide(new ShopifyHttpError(429, 3_000, ''))).toMatchObject({ retry: true, delayMs: 3_000 });
  });

  it('backs off exponentially, capped', () => {
    const delays = [1, 2, 3, 4, 5].map((n) => {
      const d = decideRetry(new ShopifyHttpError(502, undefined, ''), n, { kind: 'query', idempotent: false, policy: { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 }, random: () => 1 });
      return d.retry ? d.delayMs : -1;
    });
    expect(delays).toEqual([100, 200, 400, 800, 1_000]);
  });

  it('stops after maxAttempts, but allows throttling four times as many', () => {
    expect(decide(new ShopifyHttpError(502, undefined, ''), 'query', false, DEFAULT_RETRY_POLICY.maxAttempts).retry).toBe(false);
    expect(decide(new ShopifyThrottledError(undefined, undefined), 'query', false, DEFAULT_RETRY_POLICY.maxAttempts).retry).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['2', 2_000],
    ['0.5', 500],
    ['Thu, 01 Jan 1970 00:00:10 GMT', 10_000],
    [null, undefined],
    ['soon', undefined],
  ])('%p → %p ms', (value, expected) => {
    expect(parseRetryAfter(value, 0)).toBe(expected);
  });
});
