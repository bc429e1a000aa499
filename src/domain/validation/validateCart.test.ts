import { parseMoney } from '../money/decimal';
import type { CatalogLine, ValidationContext, ValidationLine } from './context';
import { validateCart } from './validateCart';
import { creditLimit } from './validators/creditLimit';
import { pricing } from './validators/pricing';
import { quantityRules } from './validators/quantityRules';
import { quota } from './validators/quota';
import { skuExists } from './validators/skuExists';
import { warehouse } from './validators/warehouse';

const variant = (n: number, overrides: Partial<CatalogLine> = {}): CatalogLine => ({
  variantGid: `gid://shopify/ProductVariant/${n}`,
  productGid: `gid://shopify/Product/${Math.ceil(n / 10)}`,
  sku: `SKU-${n}`,
  listPrice: parseMoney('10.00'),
  inventoryItemGid: `gid://shopify/InventoryItem/${n}`,
  productActive: true,
  ...overrides,
});
const line = (lineIndex: number, n: number | null, quantity: number, overrides: Partial<CatalogLine> = {}): ValidationLine => ({
  lineIndex,
  sku: n === null ? 'UNKNOWN' : `SKU-${n}`,
  variantId: null,
  quantity,
  variant: n === null ? null : variant(n, overrides),
});
const W1 = 'gid://shopify/Location/1';
const W2 = 'gid://shopify/Location/2';
const ctx = (overrides: Partial<ValidationContext> = {}): ValidationContext => ({
  companyLocationGid: 'gid://shopify/CompanyLocation/1',
  lines: [line(0, 1, 6)],
  quantityRules: [],
  quotas: [],
  negotiatedPrices: new Map(),
  negotiatedPriceRequired: new Set(),
  warehouses: [W1, W2],
  stock: new Map([[`gid://shopify/InventoryItem/1`, new Map([[W1, 10]])]]),
  currencyDigits: 2,
  creditLimit: null,
  openBalance: parseMoney('0'),
  ...overrides,
});
const codes = (v: { validate(c: ValidationContext): { code: string }[] }, c: ValidationContext) => v.validate(c).map((e) => e.code);

describe('skuExists', () => {
  it('passes a live active variant, fails an unknown or inactive one', () => {
    expect(codes(skuExists, ctx())).toEqual([]);
    expect(codes(skuExists, ctx({ lines: [line(0, null, 1)] }))).toEqual(['SKU_NOT_FOUND']);
    expect(codes(skuExists, ctx({ lines: [line(0, 1, 1, { productActive: false })] }))).toEqual(['SKU_INACTIVE']);
  });
});

describe('quantityRules', () => {
  const rule = { scope: { type: 'product' as const, gid: 'gid://shopify/Product/1' }, min: 6, max: 48, increment: 6 };
  it.each([
    [6, []],
    [48, []],
    [5, ['QUANTITY_BELOW_MIN', 'QUANTITY_NOT_MULTIPLE']],
    [54, ['QUANTITY_ABOVE_MAX']],
    [13, ['QUANTITY_NOT_MULTIPLE']],
  ])('quantity %i → %j', (quantity, expected) => {
    expect(codes(quantityRules, ctx({ lines: [line(0, 1, quantity as number)], quantityRules: [rule] }))).toEqual(expected);
  });
  it('a variant rule overrides its product rule', () => {
    const variantRule = { scope: { type: 'variant' as const, gid: 'gid://shopify/ProductVariant/1' }, min: 1, max: null, increment: 1 };
    expect(codes(quantityRules, ctx({ lines: [line(0, 1, 5)], quantityRules: [rule, variantRule] }))).toEqual([]);
  });
});

describe('quota', () => {
  const rule = (used: number) => ({ scope: { type: 'product' as const, gid: 'gid://shopify/Product/1' }, period: 'month' as const, maxQuantity: 100, used });
  it('counts every line in scope plus what was ordered this period, up to the maximum inclusive', () => {
    const lines = [line(0, 1, 30), line(1, 2, 30), line(2, 11, 500)]; // variant 11 is product 2: out of scope
    expect(codes(quota, ctx({ lines, quotas: [rule(40)] }))).toEqual([]);
    const [error] = quota.validate(ctx({ lines, quotas: [rule(41)] }));
    expect(error).toMatchObject({ code: 'QUOTA_EXCEEDED', lineIndex: 0, details: { remaining: 59, requested: 60, lineIndexes: [0, 1] } });
  });
});

describe('warehouse', () => {
  it('needs the whole quantity in one allowed warehouse, stock consumed in line order', () => {
    expect(codes(warehouse, ctx({ lines: [line(0, 1, 10)] }))).toEqual([]);
    expect(codes(warehouse, ctx({ lines: [line(0, 1, 6), line(1, 1, 5)] }))).toEqual(['WAREHOUSE_STOCK_SHORT']);
    expect(codes(warehouse, ctx({ warehouses: [W2] }))).toEqual(['WAREHOUSE_STOCK_SHORT']);
    expect(codes(warehouse, ctx({ warehouses: [] }))).toEqual(['NO_ALLOWED_WAREHOUSE']);
    expect(codes(warehouse, ctx({ warehouses: null, lines: [line(0, 1, 1_000)] }))).toEqual([]);
  });
});

describe('pricing', () => {
  const required = new Set(['gid://shopify/Product/1']);
  it('requires a negotiated price, for the quantity, where the product says so', () => {
    expect(codes(pricing, ctx({ negotiatedPriceRequired: required }))).toEqual(['PRICE_NOT_NEGOTIATED']);
    const breaks = new Map([['gid://shopify/ProductVariant/1', [{ minQuantity: 6, price: parseMoney('8') }]]]);
    expect(codes(pricing, ctx({ negotiatedPriceRequired: required, negotiatedPrices: breaks }))).toEqual([]);
    expect(codes(pricing, ctx({ negotiatedPriceRequired: required, negotiatedPrices: breaks, lines: [line(0, 1, 5)] }))).toEqual(['PRICE_NOT_NEGOTIATED']);
    expect(codes(pricing, ctx())).toEqual([]);
  });
});

describe('creditLimit', () => {
  it('cart at negotiated prices + open balance may reach the limit, not pass it', () => {
    const breaks = new Map([['gid://shopify/ProductVariant/1', [{ minQuantity: 1, price: parseMoney('8') }]]]);
    // 6 × 8.00 = 48.00, + 52.00 open = 100.00
    expect(codes(creditLimit, ctx({ negotiatedPrices: breaks, creditLimit: parseMoney('100'), openBalance: parseMoney('52') }))).toEqual([]);
    const [error] = creditLimit.validate(ctx({ negotiatedPrices: breaks, creditLimit: parseMoney('100'), openBalance: parseMoney('52.01') }));
    expect(error).toMatchObject({ code: 'CREDIT_LIMIT_EXCEEDED', lineIndex: null, details: { over: '0.01' } });
    expect(codes(creditLimit, ctx({ creditLimit: null, openBalance: parseMoney('1000000') }))).toEqual([]);
  });
});

describe('validateCart', () => {
  it('returns every error of every rule at once', () => {
    const result = validateCart(
      ctx({
        lines: [line(0, null, 1), line(1, 1, 5), line(2, 2, 1, { productActive: false })],
        quantityRules: [{ scope: { type: 'variant', gid: 'gid://shopify/ProductVariant/1' }, min: 6, max: null, increment: null }],
        creditLimit: parseMoney('1'),
      }),
    );
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.validator, e.code, e.lineIndex])).toEqual([
      ['skuExists', 'SKU_NOT_FOUND', 0],
      ['skuExists', 'SKU_INACTIVE', 2],
      ['quantityRules', 'QUANTITY_BELOW_MIN', 1],
      ['warehouse', 'WAREHOUSE_STOCK_SHORT', 2],
      ['creditLimit', 'CREDIT_LIMIT_EXCEEDED', null],
    ]);
  });
  it('a clean cart is valid with no errors', () => {
    expect(validateCart(ctx())).toEqual({ valid: true, errors: [] });
  });
});
