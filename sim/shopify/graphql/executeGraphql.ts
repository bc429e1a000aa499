import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import {
  type GraphQLError,
  Kind,
  execute,
  getOperationAST,
  getVariableValues,
  parse,
  print,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { consumeFaults, decideFaults } from '../faults/faultRules';
import type { ShopState } from '../shop/shopState';
import type { SimulatorCore } from '../simulatorCore';
import { createFieldResolver } from './fieldResolver';
import { inputLimitErrors } from './inputLimits';
import { MAX_QUERY_COST, queryCost } from '../../../src/shopify/cost/queryCost';
import { MUTATION_RESOLVERS, QUERY_RESOLVERS } from './resolvers';
import { THROTTLED_ERROR, internalError, maxCostError, withCost, type CostExtension, type GraphqlBody } from './responses';
import { formatSyntaxError, formatValidationErrors, type ShopifyGraphQLError } from './shopifyErrorFormat';

/**
 * One Admin API GraphQL request, in Shopify's order: parse and validate against the real
 * 2026-07 schema, check input sizes, price the query, refuse it above 1,000 points, take
 * the requested cost from the leaky bucket (or answer THROTTLED), execute, and give back
 * what the query did not use. The result says what the HTTP layer must do; it never
 * touches HTTP itself.
 */
export interface GraphqlRequest {
  query: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export type GraphqlOutcome =
  | { kind: 'respond'; status: number; body: unknown; headers: Record<string, string> }
  /** The operation ran (a mutation's effects are in place), then the connection must be dropped. */
  | { kind: 'drop' };

export interface RequestMeta {
  baseUrl: string;
  apiVersion: string;
}

const respond = (body: unknown, status = 200, headers: Record<string, string> = {}): GraphqlOutcome => ({ kind: 'respond', status, body, headers });

export function createGraphqlExecutor(core: SimulatorCore) {
  const fieldResolver = createFieldResolver(core.schema, QUERY_RESOLVERS, MUTATION_RESOLVERS);

  return async function executeGraphql(shop: ShopState, request: GraphqlRequest, meta: RequestMeta): Promise<GraphqlOutcome> {
    const now = core.clock.now();
    const stats = shop.stats;
    stats.requests++;
    const costOf = (requested: number, actual: number | null): CostExtension => ({ requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: shop.bucket.status(core.clock.now()) });
    const rejected = (errors: ShopifyGraphQLError[]): GraphqlOutcome => respond(withCost({ errors }, costOf(0, 0)));

    if (typeof request.query !== 'string' || request.query.trim() === '') {
      return respond({ errors: { query: 'Required parameter missing or invalid' } }, 400);
    }
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (err) {
      return rejected([formatSyntaxError(err as GraphQLError)]);
    }
    const validationErrors = validate(core.schema, document);
    if (validationErrors.length > 0) return rejected(formatValidationErrors(document, validationErrors));

    const operationName = typeof request.operationName === 'string' && request.operationName !== '' ? request.operationName : undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return rejected([{ message: operationName ? `No operation named "${operationName}"` : 'An operation name is required', extensions: { code: 'OPERATION_NAME_REQUIRED' } }]);
    }
    if (operation.operation === 'subscription') return rejected([{ message: 'Subscriptions are not supported over HTTP.', extensions: { code: 'SUBSCRIPTION_UNSUPPORTED' } }]);

    const rawVariables = (request.variables ?? {}) as Record<string, unknown>;
    const coerced = getVariableValues(core.schema, operation.variableDefinitions ?? [], rawVariables);
    if (coerced.errors) return rejected(coerced.errors.map((e) => variableError(e, operation)));
    const limitErrors = inputLimitErrors(core.schema, document, coerced.coerced);
    if (limitErrors.length > 0) return rejected(limitErrors);

    const fragments = fragmentsOf(document);
    const requested = queryCost(core.schema, operation, fragments, coerced.coerced);
    if (requested > MAX_QUERY_COST) {
      stats.maxCostExceeded++;
      return respond(withCost({ errors: [maxCostError(requested)] }, costOf(requested, null)));
    }
    if (!shop.bucket.tryTake(requested, now)) {
      stats.throttled++;
      const status = core.settings.throttledHttpStatus;
      const retryAfter = String(Math.max(1, Math.ceil(shop.bucket.secondsUntil(requested, now))));
      return respond(withCost({ errors: [THROTTLED_ERROR] }, costOf(requested, null)), status, status === 429 ? { 'retry-after': retryAfter } : {});
    }

    const decision = decideFaults(core.faults, shop.shop, rootFieldNames(operation), core.random);
    core.faults = consumeFaults(core.faults, decision.fired);
    if (decision.fired.length > 0) stats.faulted++;
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    try {
      if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
      if (decision.effect.kind === 'http') {
        shop.bucket.refund(requested, core.clock.now());
        return respond({ errors: STATUS_CODES[decision.effect.status] ?? 'Error' }, decision.effect.status);
      }
      if (decision.effect.kind === 'error') {
        shop.bucket.refund(requested, core.clock.now());
        return respond(withCost({ errors: [internalError(randomUUID())] }, costOf(requested, 0)));
      }

      stats.executed++;
      const result = await execute({
        schema: core.schema,
        document,
        operationName,
        variableValues: rawVariables,
        contextValue: { core, shop, baseUrl: meta.baseUrl, apiVersion: meta.apiVersion, now },
        fieldResolver,
      });
      const data = (result.data ?? null) as Record<string, unknown> | null;
      const actual = Math.min(requested, queryCost(core.schema, operation, fragments, coerced.coerced, data));
      shop.bucket.refund(requested - actual, core.clock.now());
      stats.pointsCharged += actual;
      if (decision.effect.kind === 'drop') return { kind: 'drop' };

      const body: GraphqlBody = { data, ...(result.errors ? { errors: result.errors.map((e) => e.toJSON() as ShopifyGraphQLError) } : {}) };
      return respond(withCost(body, costOf(requested, actual)));
    } finally {
      stats.inFlight--;
    }
  };
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
}

function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

/**
 * graphql-ruby's shape for a variable that does not fit its declared type:
 * `Variable $input of type DraftOrderInput! was provided invalid value for lineItems.0.quantity (…)`.
 */
function variableError(error: GraphQLError, operation: OperationDefinitionNode): ShopifyGraphQLError {
  const name = /Variable "\$([^"]+)"/.exec(error.message)?.[1] ?? '?';
  const definition = operation.variableDefinitions?.find((v) => v.variable.name.value === name);
  const declared = definition ? print(definition.type) : 'its declared type';
  const at = /at "[^".[]+((?:\.[^".[]+|\[\d+\])*)"/.exec(error.message)?.[1] ?? '';
  const path = at.split(/\.|\[|\]/).filter((p) => p !== '');
  const explanation = error.message.replace(/^Variable "\$[^"]+" (?:got invalid value .*?; |of required type .*? )/, '');
  return {
    message: `Variable $${name} of type ${declared} was provided invalid value${path.length > 0 ? ` for ${path.join('.')}` : ''} (${explanation})`,
    locations: error.locations?.map(({ line, column }) => ({ line, column })),
    extensions: { code: 'INVALID_VARIABLE', problems: [{ path: path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), explanation }] },
  };
}

