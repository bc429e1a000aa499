import { lineName, lineSku, type Validator } from '../context';

/**
 * Each line must be stocked, for its whole quantity, in one of the cart's candidate
 * warehouses — routed to the destination and allowed for the company location — with stock
 * consumed in line order, as the draft orders will route it. Without candidates rules
 * (null) Shopify routes the order and there is nothing to break.
 */
export const warehouse: Validator = {
  name: 'warehouse',
  atCheckout: false,
  validate: (ctx) => {
    if (ctx.warehouses === null) return [];
    const usable = ctx.warehouses;
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
