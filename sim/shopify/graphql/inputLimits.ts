import {
  TypeInfo,
  getArgumentValues,
  getNullableType,
  isInputObjectType,
  isListType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { ShopifyGraphQLError } from './shopifyErrorFormat';

/**
 * "Input arguments that accept an array have a maximum size of 250"
 * (https://shopify.dev/docs/api/usage/limits,
 * https://shopify.dev/changelog/graphql-input-objects-limited-to-250-items): checked over
 * every argument, nested input objects included, before anything executes.
 * `DraftOrderInput.lineItems` is the documented exception: it accepts up to 499 line items
 * since 2025-07 (https://shopify.dev/changelog/draft-order-line-item-limit); past that the
 * mutation answers with a userError.
 */
export const MAX_INPUT_ARRAY = 250;
const EXEMPT = new Set(['DraftOrderInput.lineItems']);

function oversized(value: unknown, type: GraphQLInputType, path: (string | number)[], exempt: boolean): { path: (string | number)[]; size: number } | undefined {
  const nullable = getNullableType(type);
  if (value == null) return undefined;
  if (isListType(nullable)) {
    const items = value as unknown[];
    if (!exempt && items.length > MAX_INPUT_ARRAY) return { path, size: items.length };
    for (const [i, item] of items.entries()) {
      const found = oversized(item, nullable.ofType as GraphQLInputType, [...path, i], false);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    for (const [name, field] of Object.entries(nullable.getFields())) {
      const found = oversized((value as Record<string, unknown>)[name], field.type, [...path, name], EXEMPT.has(`${nullable.name}.${name}`));
      if (found) return found;
    }
  }
  return undefined;
}

export function inputLimitErrors(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): ShopifyGraphQLError[] {
  const errors: ShopifyGraphQLError[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field || field.args.length === 0) return;
        const args = getArgumentValues(field, node, variables);
        for (const arg of field.args) {
          const found = oversized(args[arg.name], arg.type, [node.alias?.value ?? node.name.value, arg.name], false);
          if (!found) continue;
          errors.push({
            message: `The input array size of ${found.size} is greater than the maximum allowed of ${MAX_INPUT_ARRAY}.`,
            locations: node.loc ? [{ line: node.loc.startToken.line, column: node.loc.startToken.column }] : [],
            path: found.path.map(String),
            extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
          });
        }
      },
    }),
  );
  return errors;
}
