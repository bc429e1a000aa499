import { DemoError } from './demoClient';
import type { DemoSku } from './demoRules';
import { demoCartLines } from './sampleCart';

const sku = (i: number, mainStock: number): DemoSku => ({ sku: `SKU-${i}`, gid: `gid://shopify/ProductVariant/${i}`, productGid: `gid://shopify/Product/${i}`, price: '10.00', mainStock });

describe('demoCartLines', () => {
  it('skips SKUs the Main Warehouse does not hold and never orders more than it holds', () => {
    const lines = demoCartLines([sku(0, 5), sku(1, 0), sku(2, 1), sku(3, 100)], 3);
    expect(lines).toEqual([
      { sku: 'SKU-0', quantity: 1 },
      { sku: 'SKU-2', quantity: 1 }, // wants 2, holds 1
      { sku: 'SKU-3', quantity: 3 },
    ]);
  });

  it('refuses a catalog without enough SKUs in stock, naming the shortfall', () => {
    expect(() => demoCartLines([sku(0, 0), sku(1, 3)], 2)).toThrow(DemoError);
    expect(() => demoCartLines([sku(0, 0), sku(1, 3)], 2)).toThrow('only 1 SKUs in stock');
  });
});
