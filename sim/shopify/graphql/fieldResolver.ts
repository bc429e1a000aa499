import { GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { isNodeList, toConnection } from './connections';
import type { RequestContext, RootResolver } from './requestContext';
import { fieldValue, type View } from './view';

/**
 * One resolver for every field of the real schema. Root fields dispatch to the simulator's
 * implementations; a valid root field the simulator lacks is a GraphQL error saying so.
 * Other fields read the view they belong to; connection fields are paged here from their
 * arguments. A field a view lacks is an error naming it, never a silent null.
 */
export function createFieldResolver(schema: GraphQLSchema, query: Record<string, RootResolver>, mutation: Record<string, RootResolver>): GraphQLFieldResolver<unknown, RequestContext> {
  const queryType = schema.getQueryType();
  const mutationType = schema.getMutationType();
  return (source, args, ctx, info) => {
    if (info.parentType === queryType || info.parentType === mutationType) {
      const table = info.parentType === mutationType ? mutation : query;
      const resolve = Object.prototype.hasOwnProperty.call(table, info.fieldName) ? table[info.fieldName] : undefined;
      if (!resolve) {
        throw new GraphQLError(
          `The Shopify simulator does not implement the ${info.parentType === mutationType ? 'mutation' : 'query'} field '${info.fieldName}'. It is valid in the Admin API ${ctx.apiVersion} schema, but the simulator has no behaviour for it.`,
          { extensions: { code: 'SIMULATOR_NOT_IMPLEMENTED', field: info.fieldName } },
        );
      }
      return resolve(args, ctx, info);
    }
    if (source === null || typeof source !== 'object') return null;
    if (!(info.fieldName in source)) {
      throw new GraphQLError(`The Shopify simulator does not implement ${info.parentType.name}.${info.fieldName}.`, {
        extensions: { code: 'SIMULATOR_NOT_IMPLEMENTED', typeName: info.parentType.name, fieldName: info.fieldName },
      });
    }
    const value = fieldValue(source as View, info.fieldName, args);
    return isNodeList(value) ? toConnection(value.page(args)) : value;
  };
}
