/**
 * Warehouse routing: which location ships each line. Pure: the routes, the stock and the
 * destination come in; an assignment per line comes out, the same every time.
 */

/** Region → warehouses in preference order. A null country is the fallback for every region. */
export interface WarehouseRoute {
  countryCode: string | null;
  provinceCode: string | null;
  locationGids: readonly string[];
}

export interface Destination {
  countryCode: string | null;
  provinceCode: string | null;
}

export interface RoutableLine {
  inventoryItemGid: string | null;
  quantity: number;
}

export interface LineAssignment {
  /** The warehouse that ships the line; null when no route covers the destination (Shopify decides). */
  locationGid: string | null;
  /** No preferred warehouse holds the quantity: it ships from the first one, backordered. */
  backordered: boolean;
}

/** stock.get(inventoryItemGid)?.get(locationGid) = units available. */
export type StockByItem = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** The most specific route for the destination: its province, then its country, then the fallback. */
export function warehousesFor(routes: readonly WarehouseRoute[], destination: Destination): readonly string[] {
  const country = destination.countryCode?.toUpperCase() ?? null;
  const province = destination.provinceCode?.toUpperCase() ?? null;
  const rank = (r: WarehouseRoute): number => {
    if (r.countryCode === null) return r.provinceCode === null ? 1 : 0;
    if (r.countryCode.toUpperCase() !== country) return 0;
    if (r.provinceCode === null) return 2;
    return r.provinceCode.toUpperCase() === province ? 3 : 0;
  };
  let best: WarehouseRoute | undefined;
  let bestRank = 0;
  for (const route of routes) {
    const r = rank(route);
    if (r > bestRank) [best, bestRank] = [route, r];
  }
  return best?.locationGids ?? [];
}

/**
 * The warehouses a cart may ship from, in preference order: the destination's route,
 * restricted to the company location's allowed warehouses (or, without a route, the allowed
 * ones). null when neither routes nor an allow-list apply: Shopify routes the order.
 */
export function candidateWarehouses(routes: readonly WarehouseRoute[], destination: Destination, allowed: ReadonlySet<string> | null): readonly string[] | null {
  const routed = warehousesFor(routes, destination);
  if (allowed === null) return routed.length > 0 ? routed : null;
  return (routed.length > 0 ? routed : [...allowed].sort()).filter((w) => allowed.has(w));
}

/**
 * Each line goes to the first preferred warehouse that still has its whole quantity after
 * the lines before it took theirs (a line is never split across warehouses: one line, one
 * shipment); a line no warehouse can fill goes to the first, backordered.
 */
export function routeLines(lines: readonly RoutableLine[], warehouses: readonly string[], stock: StockByItem): LineAssignment[] {
  const taken = new Map<string, number>();
  return lines.map((line) => {
    if (warehouses.length === 0) return { locationGid: null, backordered: false };
    const item = line.inventoryItemGid;
    for (const location of warehouses) {
      if (item === null) break;
      const key = `${item}\u0000${location}`;
      const left = (stock.get(item)?.get(location) ?? 0) - (taken.get(key) ?? 0);
      if (left >= line.quantity) {
        taken.set(key, (taken.get(key) ?? 0) + line.quantity);
        return { locationGid: location, backordered: false };
      }
    }
    return { locationGid: warehouses[0]!, backordered: true };
  });
}
