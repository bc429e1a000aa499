import {
  type GraphQLError,
  Kind,
  getArgumentValues,
  getNamedType,
  isLeafType,
  isObjectType,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { isConnectionType } from '../../../src/shopify/cost/queryCost';
import { formatSyntaxError, formatValidationErrors } from '../graphql/shopifyErrorFormat';
import type { View } from '../graphql/view';
import { collectFields, compileProjector, mergeSelections, type CompileContext, type Hop, type Projector } from './projector';

/**
 * A bulk query checked and compiled: the root connection, what each node line holds, and
 * which nested connections become lines of their own. Shopify's rules
 * (https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/bulkOperationRunQuery):
 * one top-level field, at least one connection, at most five connections, nested at most
 * two levels deep. Fields the simulator cannot generate are refused up front, naming them.
 */
export const MAX_BULK_CONNECTIONS = 5;
export const MAX_BULK_NESTING = 2;
export const BULK_ROOTS = ['products', 'productVariants', 'locations'] as const;
export type BulkRoot = (typeof BULK_ROOTS)[number];

export interface NodeSpec {
  projector: Projector;
  children: ChildSpec[];
}

/** A nested connection: reached from the parent node through `via` (plain objects), then `field`. */
export interface ChildSpec {
  via: Hop[];
  field: Hop;
  node: NodeSpec;
}

export interface BulkQueryPlan {
  root: BulkRoot;
  rootArgs: Record<string, unknown>;
  node: NodeSpec;
  connections: number;
}

export type PlanResult = { ok: true; plan: BulkQueryPlan } | { ok: false; message: string };

/** A view of the given type to check a selection against, or undefined if the simulator has none. */
export type SampleViews = (typeName: string) => View | undefined;

class PlanError extends Error {}

export function planBulkQuery(schema: GraphQLSchema, query: string, samples: SampleViews): PlanResult {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (err) {
    return { ok: false, message: `Invalid bulk query: ${formatSyntaxError(err as GraphQLError).message}` };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { ok: false, message: `Invalid bulk query: ${formatValidationErrors(document, errors)[0]!.message}` };
  try {
    return { ok: true, plan: compile(schema, document, samples) };
  } catch (err) {
    if (err instanceof PlanError) return { ok: false, message: err.message };
    throw err;
  }
}

function compile(schema: GraphQLSchema, document: DocumentNode, samples: SampleViews): BulkQueryPlan {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]!.operation !== 'query') throw new PlanError('Bulk queries must contain exactly one query operation.');
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const ctx: CompileContext = { schema, fragments };
  const queryType = schema.getQueryType()!;
  const top = [...collectFields(ctx, operations[0]!.selectionSet, queryType)].filter(([, nodes]) => nodes[0]!.name.value !== '__typename');
  if (top.length !== 1) throw new PlanError('Bulk queries must select exactly one top-level field.');
  const [, rootNodes] = top[0]!;
  const rootName = rootNodes[0]!.name.value;
  const rootField = queryType.getFields()[rootName]!;
  if (!isConnectionType(getNamedType(rootField.type))) throw new PlanError(`Bulk queries must start with a connection field; '${rootName}' is not one.`);
  if (!(BULK_ROOTS as readonly string[]).includes(rootName)) {
    throw new PlanError(`The Shopify simulator cannot export '${rootName}' in bulk; it exports ${BULK_ROOTS.join(', ')}.`);
  }
  const counter = { connections: 1 };
  const node = compileConnection(ctx, rootNodes, getNamedType(rootField.type) as GraphQLObjectType, 0, counter, samples);
  return { root: rootName as BulkRoot, rootArgs: getArgumentValues(rootField, rootNodes[0]!, {}), node, connections: counter.connections };
}

/** The node selection of a connection (`edges { node }` and/or `nodes`), compiled. */
function compileConnection(ctx: CompileContext, nodes: readonly FieldNode[], connection: GraphQLObjectType, depth: number, counter: { connections: number }, samples: SampleViews): NodeSpec {
  const nodeType = getNamedType(connection.getFields().nodes!.type);
  const selections: SelectionSetNode['selections'][number][] = [];
  for (const [, fields] of collectFields(ctx, mergeSelections(nodes), connection)) {
    const name = fields[0]!.name.value;
    if (name === 'nodes') selections.push(...mergeSelections(fields).selections);
    if (name === 'edges') {
      const edgeType = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
      for (const [, edgeFields] of collectFields(ctx, mergeSelections(fields), edgeType)) {
        if (edgeFields[0]!.name.value === 'node') selections.push(...mergeSelections(edgeFields).selections);
      }
    }
  }
  if (!isObjectType(nodeType) || !samples(nodeType.name)) throw new PlanError(`The Shopify simulator cannot export ${String(nodeType)} nodes in bulk.`);
  const set: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
  const children: ChildSpec[] = [];
  checkAndCollect(ctx, set, nodeType, [], depth, counter, samples, children);
  return { projector: compileProjector(ctx, set, nodeType), children };
}

/**
 * Checks every selected field against a sample view of its type and collects the nested
 * connections. Plain value objects without a sample (MoneyV2, InventoryQuantity, …) are
 * projected as they come; only a connection under one of them cannot be exported.
 */
function checkAndCollect(
  ctx: CompileContext,
  set: SelectionSetNode,
  type: GraphQLObjectType,
  via: Hop[],
  depth: number,
  counter: { connections: number },
  samples: SampleViews,
  children: ChildSpec[],
): void {
  const sample = samples(type.name);
  for (const [, nodes] of collectFields(ctx, set, type)) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') continue;
    if (sample && !(name in sample)) throw new PlanError(`The Shopify simulator does not implement ${type.name}.${name} in bulk exports.`);
    const field = type.getFields()[name]!;
    const named = getNamedType(field.type);
    const hop: Hop = { name, args: getArgumentValues(field, nodes[0]!, {}) };
    if (isConnectionType(named)) {
      if (!sample) throw new PlanError(`The Shopify simulator cannot export the connection ${type.name}.${name} in bulk.`);
      counter.connections += 1;
      if (counter.connections > MAX_BULK_CONNECTIONS) throw new PlanError(`Bulk queries cannot contain more than ${MAX_BULK_CONNECTIONS} connections.`);
      if (depth + 1 > MAX_BULK_NESTING) throw new PlanError(`Bulk queries cannot contain connections nested more than ${MAX_BULK_NESTING} levels deep.`);
      children.push({ via, field: hop, node: compileConnection(ctx, nodes, named, depth + 1, counter, samples) });
    } else if (!isLeafType(named) && isObjectType(named)) {
      checkAndCollect(ctx, mergeSelections(nodes), named, [...via, hop], depth, counter, samples, children);
    }
  }
}
