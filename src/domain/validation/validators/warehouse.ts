import { lineName, lineSku, type Validator } from '../context';

/**
 * Each line must be stocked, for its whole quantity, in a warehouse that both routes to the
 * destination and is allowed for the company location (stock consumed in line order, as
 * the draft orders will route it). Without routes for the destination the allowed
 * warehouses are the candidates; with neither configured there is no warehouse rule to
 * break (Shopify routes the order).
 */
export const warehouse: Validator = {
  name: 'warehouse',
  validate: (ctx) => {
    if (ctx.warehouses.length === 0 && !ctx.allowedWarehouses) return [];
    const candidates = ctx.warehouses.length > 0 ? ctx.warehouses : [...ctx.allowedWarehouses!].sort();
    const usable = candidates.filter((w) => !ctx.allowedWarehouses || ctx.allowedWarehouses.has(w));
    const taken = new Map<string, number>();
    return ctx.lines.flatMap((line) => {
      const item = line.variant?.inventoryItemGid;
      if (!line.variant || !item) return [];
      for (const location of usable) {
        const key = `${item}\u0000${location}`;
        const left = (ctx.stock.get(item)?.get(location) ?? 0) - (taken.get(key) ?? 0);
        if (left >= line.quantity) {
          taken.set(key, (taken.get(key) ?? 0) + line.quantity);
          return [];
        }
      }
      const available = Object.fromEntries(usable.map((l) => [l, ctx.stock.get(item)?.get(l) ?? 0]));
      return [
        {
          code: usable.length === 0 ? 'NO_ALLOWED_WAREHOUSE' : 'WAREHOUSE_STOCK_SHORT',
          validator: 'warehouse',
          lineIndex: line.lineIndex,
          sku: lineSku(line),
          message: usable.length === 0 ? `${lineName(line)}: no allowed warehouse serves this destination` : `${lineName(line)}: no allowed warehouse holds ${line.quantity}`,
          details: { quantity: line.quantity, available },
        },
      ];
    });
  },
};
