import type { View } from '../graphql/view';
import { catalogIndex } from './catalogIds';
import { productExists, variantExists, type CatalogVersion } from './catalogSpec';
import { inventoryItemView, locationView, productView, variantView } from './catalogViews';

/** The catalog object a GID names, or null when there is none (or it was deleted). */
export function catalogNode(catalog: CatalogVersion, gid: string): View | null {
  const product = catalogIndex(gid, 'Product');
  if (product !== undefined) return productExists(catalog, product) ? productView(catalog, product) : null;
  const variant = catalogIndex(gid, 'ProductVariant');
  if (variant !== undefined) return variantExists(catalog, variant) ? variantView(catalog, variant) : null;
  const item = catalogIndex(gid, 'InventoryItem');
  if (item !== undefined) return variantExists(catalog, item) ? inventoryItemView(catalog, item) : null;
  const location = catalogIndex(gid, 'Location');
  if (location !== undefined) return location < catalog.spec.locations ? locationView(catalog, location) : null;
  return null;
}

/** The global variant index of a variant GID that exists in this catalog version. */
export function existingVariantIndex(catalog: CatalogVersion, gid: string): number | undefined {
  const index = catalogIndex(gid, 'ProductVariant');
  return index !== undefined && variantExists(catalog, index) ? index : undefined;
}
