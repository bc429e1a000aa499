import { catalogNode } from '../../catalog/catalogLookup';
import { variantIndexOfSku } from '../../catalog/catalogValues';
import { catalogProductList, catalogVariantList, locationList } from '../../catalog/catalogViews';
import { parseSearchQuery } from '../../draftOrders/draftOrderSearch';
import { toConnection, type PageArgs } from '../connections';
import type { RootResolver } from '../requestContext';
import { nodeById } from './lookups';
import { shopView } from './shopView';

const typed = (type: string, view: ReturnType<typeof catalogNode>) => (view && view.__typename === type ? view : null);

/** `productVariants(query:)` understands `sku:<sku>` (exact) and `product_id:<id>`; other terms are ignored. */
function variantFilter(query: unknown, catalogHint: (sku: string) => number | undefined): number | undefined | 'none' {
  if (typeof query !== 'string') return undefined;
  for (const term of parseSearchQuery(query)) {
    if (term.field === 'sku') return catalogHint(term.value.toUpperCase()) ?? 'none';
  }
  return undefined;
}

export const catalogQueries: Record<string, RootResolver> = {
  shop: (_args, ctx) => shopView(ctx),
  node: (args, ctx) => nodeById(ctx, String(args.id)),
  nodes: (args, ctx) => (args.ids as string[]).map((id) => nodeById(ctx, id)),
  product: (args, ctx) => typed('Product', catalogNode(ctx.shop.catalog, String(args.id))),
  productVariant: (args, ctx) => typed('ProductVariant', catalogNode(ctx.shop.catalog, String(args.id))),
  inventoryItem: (args, ctx) => typed('InventoryItem', catalogNode(ctx.shop.catalog, String(args.id))),
  location: (args, ctx) => (args.id == null ? catalogNode(ctx.shop.catalog, 'gid://shopify/Location/70000000000') : typed('Location', catalogNode(ctx.shop.catalog, String(args.id)))),
  products: (args, ctx) => toConnection(catalogProductList(ctx.shop.catalog).page(args as PageArgs)),
  locations: (args, ctx) => toConnection(locationList(ctx.shop.catalog).page(args as PageArgs)),
  productVariants: (args, ctx) => {
    const only = variantFilter(args.query, (sku) => variantIndexOfSku(ctx.shop.catalog, sku));
    if (only === 'none') return toConnection({ edges: [], hasNextPage: false, hasPreviousPage: false });
    return toConnection(catalogVariantList(ctx.shop.catalog, only).page(args as PageArgs));
  },
};
