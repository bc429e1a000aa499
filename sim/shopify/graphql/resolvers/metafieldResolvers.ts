import { decideMetafieldsSet, type MetafieldsSetInput } from '../../metafields/metafieldsSet';
import { metafieldView } from '../../metafields/metafieldViews';
import type { RootResolver } from '../requestContext';
import { metafieldOwnerType, metafieldOwnerView } from './lookups';

export const metafieldMutations: Record<string, RootResolver> = {
  metafieldsSet: (args, ctx) => {
    const { metafields } = ctx.shop;
    const decision = decideMetafieldsSet(args.metafields as MetafieldsSetInput[], {
      ownerTypeOf: (ownerId) => metafieldOwnerType(ctx, ownerId),
      current: (ownerId, namespace, key) => metafields.get(ownerId, namespace, key),
      appNamespace: ctx.core.settings.appNamespace,
    });
    if (decision.outcome === 'reject') return { metafields: null, userErrors: decision.userErrors };
    // Every input was valid: only now is anything written (metafieldsSet is atomic).
    const written = decision.writes.map((write) => metafields.put(write, ctx.now));
    return { metafields: written.map((record) => metafieldView(record, (id) => metafieldOwnerView(ctx, id))), userErrors: [] };
  },

  /** Deleting a metafield that does not exist succeeds, with null in its place (as documented). */
  metafieldsDelete: (args, ctx) => {
    const inputs = args.metafields as { ownerId: string; namespace: string; key: string }[];
    const deletedMetafields = inputs.map((mf) => (ctx.shop.metafields.delete(mf.ownerId, mf.namespace, mf.key) ? { __typename: 'MetafieldIdentifier', ...mf } : null));
    return { deletedMetafields, userErrors: [] };
  },
};
