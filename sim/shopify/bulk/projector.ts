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
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { isConnectionType } from '../../../src/shopify/cost/queryCost';
import { fieldValue, type View } from '../graphql/view';

/**
 * A selection set compiled once per type into steps, so projecting a million generated
 * nodes through a bulk query does not re-walk the AST per node. Connection fields are not
 * projected inline: in Shopify's JSONL their nodes are lines of their own.
 */
export interface Hop {
  name: string;
  args: Record<string, unknown>;
}

type Step =
  | { kind: 'typename'; key: string }
  | { kind: 'leaf'; key: string; hop: Hop }
  | { kind: 'object'; key: string; hop: Hop; sub: (typeName: string) => Projector };

export interface Projector {
  typeName: string;
  steps: Step[];
}

export interface CompileContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
}

/** Fields of `set` that apply to `type`, by response key (fragments and @skip/@include resolved). */
export function collectFields(ctx: CompileContext, set: SelectionSetNode, type: GraphQLObjectType, into = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> {
  for (const selection of set.selections) {
    if (getDirectiveValues(GraphQLSkipDirective, selection, {})?.if === true) continue;
    if (getDirectiveValues(GraphQLIncludeDirective, selection, {})?.if === false) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? ctx.fragments[selection.name.value] : selection;
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    const conditionType = condition ? ctx.schema.getType(condition) : undefined;
    const applies = !condition || condition === type.name || (conditionType !== undefined && isAbstractType(conditionType) && ctx.schema.isSubType(conditionType, type));
    if (applies) collectFields(ctx, fragment.selectionSet, type, into);
  }
  return into;
}

export const mergeSelections = (nodes: readonly FieldNode[]): SelectionSetNode => ({
  kind: Kind.SELECTION_SET,
  selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []),
});

export function compileProjector(ctx: CompileContext, set: SelectionSetNode, type: GraphQLObjectType): Projector {
  const steps: Step[] = [];
  for (const [key, nodes] of collectFields(ctx, set, type)) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') {
      steps.push({ kind: 'typename', key });
      continue;
    }
    const field = type.getFields()[name];
    if (!field) continue;
    const named = getNamedType(field.type);
    if (isConnectionType(named)) continue;
    const hop: Hop = { name, args: getArgumentValues(field, nodes[0]!, {}) };
    if (isLeafType(named)) {
      steps.push({ kind: 'leaf', key, hop });
      continue;
    }
    const sub = mergeSelections(nodes);
    const cache = new Map<string, Projector>();
    steps.push({
      kind: 'object',
      key,
      hop,
      sub: (typeName) => {
        let projector = cache.get(typeName);
        if (!projector) {
          const concrete = ctx.schema.getType(typeName) ?? named;
          projector = isObjectType(concrete) ? compileProjector(ctx, sub, concrete) : { typeName, steps: [] };
          cache.set(typeName, projector);
        }
        return projector;
      },
    });
  }
  return { typeName: type.name, steps };
}

export function project(projector: Projector, view: View): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const step of projector.steps) {
    if (step.kind === 'typename') {
      out[step.key] = view.__typename;
      continue;
    }
    const value = fieldValue(view, step.hop.name, step.hop.args);
    if (step.kind === 'leaf' || value == null) out[step.key] = value ?? null;
    else if (Array.isArray(value)) out[step.key] = (value as View[]).map((item) => project(step.sub(item.__typename), item));
    else out[step.key] = project(step.sub((value as View).__typename), value as View);
  }
  return out;
}
