import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Shopify's calculated query cost
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits#cost-calculation):
 * scalar and enum 0, object 1, connection 2 + (first|last) × the cost of one node,
 * interface and union the most expensive of their possible selections, mutation 10.
 * Requested cost is computed before execution from the arguments; actual cost walks the
 * response and counts the nodes that came back. Inside a mutation's payload objects are
 * free (a mutation costs 10 whatever it returns) but connections are still charged, which
 * matches the costs Shopify reports for mutations that return connections.
 */
export const MUTATION_COST = 10;
export const MAX_QUERY_COST = 1000;

interface Ctx {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  actual: boolean;
}

export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data?: Record<string, unknown> | null,
): number {
  const ctx: Ctx = { schema, fragments, variables, actual: data !== undefined };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  if (operation.operation !== 'mutation') return objectSelectionCost(ctx, operation.selectionSet, root, data ?? null, false);
  let total = 0;
  for (const [key, nodes] of collectFields(ctx, operation.selectionSet, root)) {
    const field = root.getFields()[nodes[0]!.name.value];
    if (!field) continue;
    if (ctx.actual && (data == null || data[key] === undefined)) continue;
    total += MUTATION_COST + compositeCost(ctx, field, nodes, ctx.actual ? (data?.[key] ?? null) : undefined, true, true);
  }
  return total;
}

function collectFields(ctx: Ctx, set: SelectionSetNode, type: GraphQLObjectType, into = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> {
  for (const selection of set.selections) {
    if (!included(ctx, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || applies(ctx, selection.typeCondition.name.value, type)) collectFields(ctx, selection.selectionSet, type, into);
    } else {
      const fragment = ctx.fragments[selection.name.value];
      if (fragment && applies(ctx, fragment.typeCondition.name.value, type)) collectFields(ctx, fragment.selectionSet, type, into);
    }
  }
  return into;
}

function included(ctx: Ctx, node: SelectionNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, ctx.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables)?.if !== false;
}

function applies(ctx: Ctx, condition: string, type: GraphQLObjectType): boolean {
  if (condition === type.name) return true;
  const conditionType = ctx.schema.getType(condition);
  return conditionType !== undefined && isAbstractType(conditionType) && ctx.schema.isSubType(conditionType, type);
}

/** Cost of the fields selected on a value of `type` (data: the value, in actual mode). */
function objectSelectionCost(ctx: Ctx, set: SelectionSetNode, type: GraphQLCompositeType, data: unknown, inPayload: boolean): number {
  if (isAbstractType(type)) {
    return Math.max(0, ...ctx.schema.getPossibleTypes(type).map((t) => objectSelectionCost(ctx, set, t, data, inPayload)));
  }
  if (!isObjectType(type)) return 0;
  let total = 0;
  for (const [key, nodes] of collectFields(ctx, set, type)) {
    const field = type.getFields()[nodes[0]!.name.value];
    if (!field || isLeafType(getNamedType(field.type))) continue;
    const value = ctx.actual ? ((data as Record<string, unknown> | null)?.[key] ?? null) : undefined;
    total += compositeCost(ctx, field, nodes, value, inPayload, false);
  }
  return total;
}

function mergedSelections(nodes: readonly FieldNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []) };
}

export function isConnectionType(type: unknown): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields() && ('edges' in type.getFields() || 'nodes' in type.getFields());
}

function compositeCost(ctx: Ctx, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], value: unknown, inPayload: boolean, isMutationRoot: boolean): number {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const selections = mergedSelections(nodes);
  if (ctx.actual && value == null) return 0;
  if (isConnectionType(named)) return connectionCost(ctx, field, nodes[0]!, named, selections, value, inPayload);
  const own = inPayload || isMutationRoot ? 0 : 1;
  if (!ctx.actual || !Array.isArray(value)) return own + objectSelectionCost(ctx, selections, named as GraphQLCompositeType, value, inPayload);
  return own + Math.max(0, ...value.map((item) => objectSelectionCost(ctx, selections, named as GraphQLCompositeType, item, inPayload)));
}

function connectionCost(
  ctx: Ctx,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  connection: GraphQLObjectType,
  selections: SelectionSetNode,
  value: unknown,
  inPayload: boolean,
): number {
  const edgeType = connection.getFields().edges ? (getNamedType(connection.getFields().edges!.type) as GraphQLObjectType) : undefined;
  const nodeType = getNamedType(connection.getFields().nodes?.type ?? edgeType!.getFields().node!.type) as GraphQLCompositeType;
  const nodeSelections: SelectionNode[] = [];
  for (const [, fields] of collectFields(ctx, selections, connection)) {
    const name = fields[0]!.name.value;
    if (name === 'nodes') nodeSelections.push(...mergedSelections(fields).selections);
    if (name === 'edges' && edgeType) {
      for (const [, edgeFields] of collectFields(ctx, mergedSelections(fields), edgeType)) {
        if (edgeFields[0]!.name.value === 'node') nodeSelections.push(...mergedSelections(edgeFields).selections);
      }
    }
  }
  if (nodeSelections.length === 0) return 2;
  const set: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: nodeSelections };
  const perNode = (item: unknown): number => 1 + objectSelectionCost(ctx, set, nodeType, item, inPayload);
  if (!ctx.actual) {
    const args = getArgumentValues(field, node, ctx.variables);
    const count = Number(args.first ?? args.last ?? 0);
    return 2 + count * perNode(undefined);
  }
  // `edges { node }` and `nodes` list the same items; each may select different fields.
  const data = value as { edges?: { node?: Record<string, unknown> }[]; nodes?: Record<string, unknown>[] };
  const count = Math.max(data.nodes?.length ?? 0, data.edges?.length ?? 0);
  const items = Array.from({ length: count }, (_, i) => ({ ...data.edges?.[i]?.node, ...data.nodes?.[i] }));
  return 2 + items.reduce((sum: number, item) => sum + perNode(item), 0);
}
