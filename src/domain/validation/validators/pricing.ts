import { applicableBreak } from '../../carts/pricing';
import { lineName, lineSku, type Validator } from '../context';

/** A product marked "negotiated price required" is sold only at a price the location negotiated. */
export const pricing: Validator = {
  name: 'pricing',
  atCheckout: true,
  validate: (ctx) =>
    ctx.lines.flatMap((line) => {
      if (!line.variant || !ctx.negotiatedPriceRequired.has(line.variant.productGid)) return [];
      if (applicableBreak(ctx.negotiatedPrices.get(line.variant.variantGid) ?? [], line.quantity)) return [];
      return [
        {
          code: 'PRICE_NOT_NEGOTIATED',
          validator: 'pricing',
          lineIndex: line.lineIndex,
          sku: lineSku(line),
          message: `${lineName(line)} is sold only at a negotiated price, and this location has none for ${line.quantity}`,
          details: { productGid: line.variant.productGid },
        },
      ];
    }),
};
