import { parseGid } from '../../../src/shopify/gid';

/**
 * Global IDs for every type the simulator hands out. `src/shopify/gid.ts` only names the
 * types our service stores; the simulator also mints line items, metafields, inventory
 * levels and the shop itself, so it builds the same `gid://shopify/<Type>/<id>` form here.
 */
export function makeGid(type: string, id: string | number): string {
  return `gid://shopify/${type}/${id}`;
}

/** The numeric id of a GID of the expected type, or undefined. */
export function gidNumber(gid: string, expectedType: string): number | undefined {
  const parsed = parseGid(gid);
  if (!parsed || parsed.type !== expectedType || !/^\d{1,16}$/.test(parsed.id)) return undefined;
  return Number(parsed.id);
}

export { parseGid };
