import { gidNumber, makeGid } from '../support/gid';

/**
 * Numeric ids of generated objects: a per-type base plus the object's index, so an id can
 * be turned back into the index that generates it. The bases give 13–15 digit ids like
 * Shopify's, all below Number.MAX_SAFE_INTEGER for catalogs up to 10^9 variants.
 */
const BASE = {
  Product: 8_000_000_000_000,
  ProductVariant: 45_000_000_000_000,
  InventoryItem: 47_000_000_000_000,
  Location: 70_000_000_000,
  InventoryLevel: 120_000_000_000_000,
  Metafield: 30_000_000_000_000,
} as const;

type CatalogType = keyof typeof BASE;

export const catalogGid = (type: CatalogType, index: number): string => makeGid(type, BASE[type] + index);
export const catalogLegacyId = (type: CatalogType, index: number): string => String(BASE[type] + index);

/** The index behind a catalog GID of the given type, or undefined when it is not one. */
export function catalogIndex(gid: string, type: CatalogType): number | undefined {
  const id = gidNumber(gid, type);
  if (id === undefined || id < BASE[type]) return undefined;
  return id - BASE[type];
}

/** Inventory levels carry the item in their GID, as Shopify's do. */
export function inventoryLevelGid(levelIndex: number, inventoryItemIndex: number): string {
  return `${catalogGid('InventoryLevel', levelIndex)}?inventory_item_id=${BASE.InventoryItem + inventoryItemIndex}`;
}
