import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/**
 * An operation we send to the Admin API, typed by codegen from the real schema. Name,
 * kind and root field are read from the document itself, so they cannot disagree with it.
 */
export interface AdminOperation<TData, TVariables> {
  readonly name: string;
  readonly kind: 'query' | 'mutation';
  /** The payload field whose `userErrors` signal a refused mutation. */
  readonly rootField: string;
  readonly document: string;
  /** Phantom fields carrying the generated types; never set at runtime. */
  readonly __types?: { data: TData; variables: TVariables };
}

export function defineOperation<TData, TVariables>(document: string): AdminOperation<TData, TVariables> {
  const definitions = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const [operation] = definitions;
  if (definitions.length !== 1 || !operation?.name) throw new Error('an admin operation document holds exactly one named operation');
  if (operation.operation === 'subscription') throw new Error('subscriptions are not supported by the Admin API');
  const first = operation.selectionSet.selections[0];
  if (first?.kind !== Kind.FIELD) throw new Error(`${operation.name.value}: the first selection must be a root field`);
  return { name: operation.name.value, kind: operation.operation, rootField: first.name.value, document };
}

export type DataOf<O> = O extends AdminOperation<infer D, unknown> ? D : never;
export type VariablesOf<O> = O extends AdminOperation<unknown, infer V> ? V : never;
