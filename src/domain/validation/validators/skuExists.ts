import { lineName, lineSku, type Validator } from '../context';

/** Every line names a live variant of an active product. */
export const skuExists: Validator = {
  name: 'skuExists',
  atCheckout: false,
  validate: (ctx) =>
    ctx.lines.flatMap((line) => {
      if (!line.variant) {
        return [{ code: 'SKU_NOT_FOUND', validator: 'skuExists', lineIndex: line.lineIndex, sku: lineSku(line), message: `${lineName(line)} is not in the catalog`, details: {} }];
      }
      if (!line.variant.productActive) {
        return [{ code: 'SKU_INACTIVE', validator: 'skuExists', lineIndex: line.lineIndex, sku: lineSku(line), message: `${lineName(line)} belongs to a product that is not active`, details: { productGid: line.variant.productGid } }];
      }
      return [];
    }),
};
