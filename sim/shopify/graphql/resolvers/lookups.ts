import { catalogNode } from '../../catalog/catalogLookup';
import { catalogIndex } from '../../catalog/catalogIds';
import { productExists, variantExists } from '../../catalog/catalogSpec';
import type { DraftViewContext } from '../../draftOrders/draftOrderViews';
import { draftOrderView, orderView } from '../../draftOrders/draftOrderViews';
import { gidNumber, parseGid } from '../../support/gid';
import type { RequestContext } from '../requestContext';
import type { View } from '../view';
import { bulkOperationView } from './bulkOperationView';
import { shopView } from './shopView';

export function draftContext(ctx: RequestContext): DraftViewContext {
  const { shop } = ctx;
  return {
    catalog: shop.catalog,
    metafields: shop.metafields,
    appNamespace: ctx.core.settings.appNamespace,
    order: (id) => shop.drafts.order(id),
    draft: (id) => shop.drafts.get(id),
  };
}

/** Owner types the simulator stores nothing about: any id of these is taken as existing. */
const UNMODELLED_OWNERS: Record<string, string> = {
  Customer: 'CUSTOMER',
  Company: 'COMPANY',
  CompanyLocation: 'COMPANY_LOCATION',
  Collection: 'COLLECTION',
};

/** The `MetafieldOwnerType` of an existing owner, or undefined. */
export function metafieldOwnerType(ctx: RequestContext, ownerId: string): string | undefined {
  const { shop } = ctx;
  const parsed = parseGid(ownerId);
  if (!parsed) return undefined;
  switch (parsed.type) {
    case 'Product': {
      const i = catalogIndex(ownerId, 'Product');
      return i !== undefined && productExists(shop.catalog, i) ? 'PRODUCT' : undefined;
    }
    case 'ProductVariant': {
      const k = catalogIndex(ownerId, 'ProductVariant');
      return k !== undefined && variantExists(shop.catalog, k) ? 'PRODUCTVARIANT' : undefined;
    }
    case 'DraftOrder': {
      const id = gidNumber(ownerId, 'DraftOrder');
      return id !== undefined && shop.drafts.get(id) ? 'DRAFTORDER' : undefined;
    }
    case 'Order': {
      const id = gidNumber(ownerId, 'Order');
      return id !== undefined && shop.drafts.order(id) ? 'ORDER' : undefined;
    }
    case 'Shop':
      return gidNumber(ownerId, 'Shop') === shop.shopId ? 'SHOP' : undefined;
    case 'Location': {
      const loc = catalogIndex(ownerId, 'Location');
      return loc !== undefined && loc < shop.catalog.spec.locations ? 'LOCATION' : undefined;
    }
    default:
      return /^\d+$/.test(parsed.id) ? UNMODELLED_OWNERS[parsed.type] : undefined;
  }
}

/** `node(id:)`: any object the simulator can show, or null. */
export function nodeById(ctx: RequestContext, id: string): View | null {
  const parsed = parseGid(id);
  if (!parsed) return null;
  const { shop } = ctx;
  switch (parsed.type) {
    case 'DraftOrder': {
      const draft = shop.drafts.get(Number(parsed.id));
      return draft ? draftOrderView(draft, draftContext(ctx)) : null;
    }
    case 'Order': {
      const order = shop.drafts.order(Number(parsed.id));
      return order ? orderView(order, draftContext(ctx)) : null;
    }
    case 'BulkOperation': {
      const op = shop.bulkOperations.get(Number(parsed.id));
      return op ? bulkOperationView(op, ctx) : null;
    }
    case 'Shop':
      return Number(parsed.id) === shop.shopId ? shopView(ctx) : null;
    default:
      return catalogNode(shop.catalog, id);
  }
}

/**
 * A metafield's `owner`: the full view when the simulator models the type; for the types
 * it only accepts ids of (companies, customers…) a view with just the id and type.
 */
export function metafieldOwnerView(ctx: RequestContext, ownerId: string): View | null {
  const node = nodeById(ctx, ownerId);
  if (node) return node;
  const parsed = parseGid(ownerId);
  return parsed && metafieldOwnerType(ctx, ownerId) ? { __typename: parsed.type, id: ownerId } : null;
}
