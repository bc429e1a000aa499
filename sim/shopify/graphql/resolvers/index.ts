import type { RootResolver } from '../requestContext';
import { bulkMutations, bulkQueries } from './bulkResolvers';
import { catalogQueries } from './catalogResolvers';
import { draftOrderMutations, draftOrderQueries } from './draftOrderResolvers';
import { metafieldMutations } from './metafieldResolvers';

/** Every root field the simulator implements; any other valid root field is refused by name. */
export const QUERY_RESOLVERS: Record<string, RootResolver> = { ...catalogQueries, ...draftOrderQueries, ...bulkQueries };
export const MUTATION_RESOLVERS: Record<string, RootResolver> = { ...draftOrderMutations, ...metafieldMutations, ...bulkMutations };
