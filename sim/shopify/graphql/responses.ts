import type { ThrottleStatus } from '../throttle/leakyBucket';
import { MAX_QUERY_COST } from '../../../src/shopify/cost/queryCost';
import type { ShopifyGraphQLError } from './shopifyErrorFormat';

/** Response bodies in the shapes Shopify sends. */
export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface GraphqlBody {
  data?: unknown;
  errors?: ShopifyGraphQLError[];
  extensions?: { cost: CostExtension };
}

export const withCost = (body: Omit<GraphqlBody, 'extensions'>, cost: CostExtension): GraphqlBody => ({ ...body, extensions: { cost } });

/** https://shopify.dev/docs/api/usage/rate-limits — a request whose requested cost is not in the bucket. */
export const THROTTLED_ERROR: ShopifyGraphQLError = {
  message: 'Throttled',
  extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
};

/** Worded as Shopify words it (including its old documentation links). */
export function maxCostError(cost: number): ShopifyGraphQLError {
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
      'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
      'cost of a query is calculated.\n\n' +
      'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
      'See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n',
    extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: MAX_QUERY_COST },
  };
}

export function internalError(requestId: string): ShopifyGraphQLError {
  return {
    message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/** Body of a request without a valid access token (Shopify answers 401 with exactly this). */
export const INVALID_TOKEN_BODY = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };
