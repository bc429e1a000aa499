import type { GraphQLResolveInfo } from 'graphql';
import type { ShopState } from '../shop/shopState';
import type { SimulatorCore } from '../simulatorCore';

/** What every resolver of one request sees. */
export interface RequestContext {
  core: SimulatorCore;
  shop: ShopState;
  /** Scheme and host the client reached us on, for URLs we hand out (bulk downloads). */
  baseUrl: string;
  apiVersion: string;
  now: number;
}

export type RootResolver = (args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;
