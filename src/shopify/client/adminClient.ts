import type { Logger } from '../../logger';
import type { AdminOperation } from '../operations/defineOperation';
import { readCostExtension, type CostExtension } from './costExtension';
import {
  ShopifyAbortedError,
  ShopifyError,
  ShopifyGraphQLError,
  ShopifyHttpError,
  ShopifyRetriesExhaustedError,
  ShopifyThrottledError,
  ShopifyUserErrorsError,
  type GraphQLErrorShape,
  type UserErrorShape,
} from './errors';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retryPolicy';
import type { ThrottleStore } from './throttleStore';
import { postGraphQL } from './transport';

export interface AdminClientConfig {
  /** `https://{shop}` in production; the simulator's `http://127.0.0.1:PORT/{shop}` in tests. */
  baseUrlTemplate: string;
  apiVersion: string;
  requestTimeoutMs: number;
  maxConcurrencyPerShop: number;
  retry?: RetryPolicy;
}

export interface AdminClientDeps {
  throttle: ThrottleStore;
  logger: Logger;
  /** Pre-flight cost of an operation; defaults to what Shopify last charged for it. */
  estimateCost?: (operation: AdminOperation<unknown, unknown>, variables: unknown) => number | undefined;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** The mutation may be repeated safely (same input, same outcome): retry ambiguous failures. */
  idempotent?: boolean;
  /** Return userErrors to the caller instead of throwing ShopifyUserErrorsError. */
  allowUserErrors?: boolean;
}

export interface AdminResponse<TData> {
  data: TData;
  cost: CostExtension | undefined;
  attempts: number;
}

/** Costs Shopify reported, per operation name: the estimate for the next call. */
const FIRST_CALL_COST = { query: 50, mutation: 10 } as const;

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * The Admin GraphQL client. Before each attempt it takes the request's cost from the
 * shop's bucket (shared across processes by the throttle store) and a concurrency slot,
 * so steady load waits instead of being throttled; it then classifies what came back —
 * throttled, HTTP error, ambiguous network failure, GraphQL error, userErrors — and
 * retries only what is safe to retry.
 *
 * Not built on @shopify/admin-api-client: that client retries 429/503 on its own with a
 * fixed policy, hides the per-attempt HTTP status and Retry-After, has no cost-based
 * pacing and no notion of ambiguous mutation failures; all four are what this one is for.
 */
export function createAdminClient(config: AdminClientConfig, deps: AdminClientDeps) {
  const policy = config.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = deps.sleep ?? defaultSleep;
  const learnedCost = new Map<string, number>();
  const leaseMs = config.requestTimeoutMs + 5_000;

  const estimate = (operation: AdminOperation<unknown, unknown>, variables: unknown) =>
    deps.estimateCost?.(operation, variables) ?? learnedCost.get(operation.name) ?? FIRST_CALL_COST[operation.kind];

  const urlFor = (shop: string) => `${config.baseUrlTemplate.replace('{shop}', shop)}/admin/api/${config.apiVersion}/graphql.json`;

  async function acquire(shop: string, cost: number, signal: AbortSignal | undefined): Promise<string> {
    for (;;) {
      if (signal?.aborted) throw new ShopifyAbortedError('acquire');
      const result = await deps.throttle.acquire(shop, cost, { maxConcurrency: config.maxConcurrencyPerShop, leaseMs });
      if (result.granted) return result.leaseId;
      await sleep(result.retryInMs + Math.round(Math.random() * 10), signal);
    }
  }

  async function attempt<TData>(
    shop: string,
    accessToken: string,
    operation: AdminOperation<TData, unknown>,
    variables: unknown,
    options: RequestOptions,
  ): Promise<{ data: TData; cost: CostExtension | undefined }> {
    const reserved = estimate(operation as AdminOperation<unknown, unknown>, variables);
    const leaseId = await acquire(shop, reserved, options.signal);
    let cost: CostExtension | undefined;
    let charged: number | undefined;
    try {
      const res = await postGraphQL(
        urlFor(shop),
        accessToken,
        { query: operation.document, variables: variables ?? {}, operationName: operation.name },
        { timeoutMs: config.requestTimeoutMs, signal: options.signal, operation: operation.name },
      );
      const body = res.body as { data?: unknown; errors?: GraphQLErrorShape[] | string } | undefined;
      cost = readCostExtension(body);
      if (cost) learnedCost.set(operation.name, cost.requestedQueryCost);
      const errors = Array.isArray(body?.errors) ? body.errors : undefined;
      // Shopify signals THROTTLED in the body; the HTTP status varies (200 or 429).
      if (errors?.some((e) => e.extensions?.code === 'THROTTLED') || (res.status === 429 && !body?.data)) {
        charged = 0;
        throw new ShopifyThrottledError(cost, res.retryAfterMs);
      }
      if (res.status < 200 || res.status >= 300) throw new ShopifyHttpError(res.status, res.retryAfterMs, JSON.stringify(body ?? ''));
      charged = cost?.actualQueryCost ?? undefined;
      if (errors?.length || body?.data == null) {
        throw new ShopifyGraphQLError(operation.name, errors?.length ? errors : [{ message: typeof body?.errors === 'string' ? body.errors : 'no data' }]);
      }
      return { data: body.data as TData, cost };
    } finally {
      await deps.throttle.release(shop, leaseId, { reserved, charged, status: cost?.throttleStatus });
    }
  }

  return {
    forShop(shop: string, accessToken: string) {
      return {
        shop,
        async request<TData, TVariables>(
          operation: AdminOperation<TData, TVariables>,
          variables: TVariables,
          options: RequestOptions = {},
        ): Promise<AdminResponse<TData>> {
          for (let n = 1; ; n++) {
            try {
              const { data, cost } = await attempt(shop, accessToken, operation, variables, options);
              const userErrors = operation.kind === 'mutation' ? readUserErrors(data, operation.rootField) : [];
              if (userErrors.length > 0 && !options.allowUserErrors) throw new ShopifyUserErrorsError(operation.name, userErrors);
              return { data, cost, attempts: n };
            } catch (err) {
              if (!(err instanceof ShopifyError) || err instanceof ShopifyUserErrorsError || err instanceof ShopifyAbortedError) throw err;
              const decision = decideRetry(err, n, { kind: operation.kind, idempotent: options.idempotent ?? false, policy });
              if (!decision.retry) throw n >= policy.maxAttempts ? new ShopifyRetriesExhaustedError(operation.name, n, err) : err;
              deps.logger.warn({ shop, operation: operation.name, attempt: n, reason: decision.reason, retryInMs: decision.delayMs }, 'Shopify request will be retried');
              await sleep(decision.delayMs, options.signal).catch(() => {
                throw new ShopifyAbortedError(operation.name);
              });
            }
          }
        },
      };
    },
  };
}

export type AdminClient = ReturnType<typeof createAdminClient>;
export type ShopAdminClient = ReturnType<AdminClient['forShop']>;

function readUserErrors(data: unknown, rootField: string): UserErrorShape[] {
  const payload = (data as Record<string, { userErrors?: UserErrorShape[] } | null> | null)?.[rootField];
  return payload?.userErrors ?? [];
}
