/**
 * `extensions.cost` on every Admin API response (not part of the GraphQL schema).
 * https://shopify.dev/docs/api/usage/limits#rate-limits
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostExtension {
  requestedQueryCost: number;
  /** null when the query was throttled (not executed). */
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads `extensions.cost` defensively: a malformed one is ignored rather than trusted. */
export function readCostExtension(body: unknown): CostExtension | undefined {
  const cost = (body as { extensions?: { cost?: Record<string, unknown> } } | undefined)?.extensions?.cost;
  const status = cost?.throttleStatus as Record<string, unknown> | undefined;
  if (!cost || !status || !isNumber(cost.requestedQueryCost)) return undefined;
  if (!isNumber(status.maximumAvailable) || !isNumber(status.currentlyAvailable) || !isNumber(status.restoreRate)) return undefined;
  return {
    requestedQueryCost: cost.requestedQueryCost,
    actualQueryCost: isNumber(cost.actualQueryCost) ? cost.actualQueryCost : null,
    throttleStatus: {
      maximumAvailable: status.maximumAvailable,
      currentlyAvailable: status.currentlyAvailable,
      restoreRate: status.restoreRate,
    },
  };
}
