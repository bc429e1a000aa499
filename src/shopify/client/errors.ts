import { AppError } from '../../errors';
import type { CostExtension } from './costExtension';

/**
 * Errors from the Admin API, one class per kind, so callers can tell apart a transport
 * failure (maybe retry), a refusal of the whole query (top-level `errors`) and a
 * mutation's business refusal (`userErrors`, never retried).
 */
export class ShopifyError extends AppError {}

/** A non-2xx answer that is not a recognised throttle. */
export class ShopifyHttpError extends ShopifyError {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
    bodyExcerpt: string,
  ) {
    super(`Shopify answered HTTP ${status}: ${bodyExcerpt.slice(0, 200)}`, 'SHOPIFY_HTTP', { status });
  }
}

/** The request was refused for cost: not executed, nothing charged. */
export class ShopifyThrottledError extends ShopifyError {
  constructor(
    readonly cost: CostExtension | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super('Shopify throttled the request', 'SHOPIFY_THROTTLED', { cost });
  }
}

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: (string | number)[];
}

/** Top-level GraphQL `errors`: the document or the request was refused as a whole. */
export class ShopifyGraphQLError extends ShopifyError {
  constructor(
    readonly operation: string,
    readonly errors: GraphQLErrorShape[],
  ) {
    super(`${operation}: ${errors.map((e) => e.message).join('; ')}`, 'SHOPIFY_GRAPHQL', {
      codes: errors.map((e) => e.extensions?.code).filter(Boolean),
    });
  }

  hasCode(code: string): boolean {
    return this.errors.some((e) => e.extensions?.code === code);
  }
}

export interface UserErrorShape {
  field?: string[] | null;
  message: string;
  code?: string | null;
  elementIndex?: number | null;
}

/** A mutation ran and refused the input. Retrying the same input would be refused again. */
export class ShopifyUserErrorsError extends ShopifyError {
  constructor(
    readonly operation: string,
    readonly userErrors: UserErrorShape[],
  ) {
    super(`${operation} refused: ${userErrors.map((e) => `${e.field?.join('.') ?? '-'}: ${e.message}`).join('; ')}`, 'SHOPIFY_USER_ERRORS', {
      userErrors,
    });
  }
}

/**
 * The request may or may not have reached Shopify (reset connection, timeout, dropped
 * response). A mutation that is not idempotent is not retried on this: the caller must
 * find out whether it applied (e.g. look up the draft by its tag) before trying again.
 */
export class ShopifyNetworkError extends ShopifyError {
  constructor(
    message: string,
    /** false when the connection was refused: the request certainly did not run. */
    readonly ambiguous: boolean,
  ) {
    super(message, ambiguous ? 'SHOPIFY_NETWORK_AMBIGUOUS' : 'SHOPIFY_NETWORK');
  }
}

/** The caller's AbortSignal fired (e.g. the Temporal activity was cancelled). */
export class ShopifyAbortedError extends ShopifyError {
  constructor(operation: string) {
    super(`${operation} aborted by the caller`, 'SHOPIFY_ABORTED');
  }
}

export class ShopifyRetriesExhaustedError extends ShopifyError {
  constructor(
    operation: string,
    readonly attempts: number,
    readonly last: ShopifyError,
  ) {
    super(`${operation} failed after ${attempts} attempts: ${last.message}`, 'SHOPIFY_RETRIES_EXHAUSTED', { last: last.code });
  }
}
