import { Kind, getOperationAST, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { AdminOperation } from '../operations/defineOperation';
import { queryCost } from './queryCost';

interface ParsedOperation {
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
}

/**
 * Pre-flight cost of our operations, computed from the real schema exactly as Shopify
 * computes the requested cost it checks against the bucket. Unlike a cost learned from
 * the previous answer, it is right on the first call and follows the variables
 * (`first: $pageSize`). Documents are parsed once and kept.
 */
export function createOperationCostEstimator(schema: GraphQLSchema) {
  const parsed = new Map<string, ParsedOperation>();

  const parseOnce = (document: string): ParsedOperation | undefined => {
    const hit = parsed.get(document);
    if (hit) return hit;
    const ast = parse(document);
    const operation = getOperationAST(ast);
    if (!operation) return undefined;
    const fragments = Object.fromEntries(
      ast.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    const entry = { operation, fragments };
    parsed.set(document, entry);
    return entry;
  };

  return (operation: AdminOperation<unknown, unknown>, variables: unknown): number | undefined => {
    const entry = parseOnce(operation.document);
    if (!entry) return undefined;
    return queryCost(schema, entry.operation, entry.fragments, (variables ?? {}) as Record<string, unknown>);
  };
}
