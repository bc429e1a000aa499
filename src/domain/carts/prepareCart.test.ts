import { parseMoney } from '../money/decimal';
import { approvalRequirement } from './approvalPolicy';
import { parseCartRequest } from './cartRequest';
import { chunkTag, draftOrderInput, groupTag } from './draftInput';
import { prepareCart, type CartContext, type CatalogVariant } from './prepareCart';

const variant = (n: number, overrides: Partial<CatalogVariant> = {}): CatalogVariant => ({
  variantGid: `gid://shopify/ProductVariant/${n}`,
  sku: `SKU-${n}`,
  title: `Item ${n}`,
  listPrice: parseMoney('10.00'),
  inventoryItemGid: `gid://shopify/InventoryItem/${n}`,
  productActive: true,
  ...overrides,
});
const catalog = [variant(1), variant(2), variant(3, { productActive: false })];
const context = (overrides: Partial<CartContext> = {}): CartContext => ({
  bySku: new Map(catalog.map((v) => [v.sku!, v])),
  byGid: new Map(catalog.map((v) => [v.variantGid, v])),
  breaks: new Map([['gid://shopify/ProductVariant/1', [{ minQuantity: 1, price: parseMoney('7.50') }]]]),
  warehouses: null,
  stock: new Map(),
  approval: { requiresApproval: false, approvalThreshold: parseMoney('1000') },
  maxLinesPerDraft: 499,
  shippingPrice: parseMoney('25'),
  currencyDigits: 2,
  ...overrides,
});

describe('prepareCart', () => {
  it('prices, totals and plans a valid cart', () => {
    const prepared = prepareCart([{ sku: 'SKU-1', quantity: 4 }, { variantId: 'gid://shopify/ProductVariant/2', quantity: 1 }], context());
    if (!prepared.valid) throw new Error('expected a valid cart');
    expect(prepared.lines.map((l) => [l.unitPrice, l.discountPerUnit, l.draftIndex])).toEqual([
      [parseMoney('7.50'), parseMoney('2.50'), 0],
      [parseMoney('10'), 0n, 0],
    ]);
    // 50.00 list − 10.00 discount + 25.00 shipping.
    expect(prepared.totals).toEqual({ subtotal: parseMoney('50'), discountTotal: parseMoney('10'), shippingTotal: parseMoney('25'), total: parseMoney('65') });
    expect(prepared.approval).toEqual({ required: false });
  });

  it('reports every line that cannot be ordered, not just the first', () => {
    const prepared = prepareCart([{ sku: 'NOPE', quantity: 1 }, { sku: 'SKU-1', quantity: 1 }, { sku: 'SKU-3', quantity: 2 }], context());
    expect(prepared.valid).toBe(false);
    if (prepared.valid) return;
    expect(prepared.problems).toEqual([
      { lineNo: 0, message: 'SKU NOPE is not in the catalog' },
      { lineNo: 2, message: 'SKU SKU-3 belongs to a product that is not active' },
    ]);
  });

  it('requires approval from the threshold up, or always when the location says so', () => {
    expect(approvalRequirement({ requiresApproval: false, approvalThreshold: parseMoney('100') }, parseMoney('99.99'))).toEqual({ required: false });
    expect(approvalRequirement({ requiresApproval: false, approvalThreshold: parseMoney('100') }, parseMoney('100'))).toMatchObject({ required: true });
    expect(approvalRequirement({ requiresApproval: true, approvalThreshold: null }, 0n as never)).toMatchObject({ required: true });
  });
});

describe('draftOrderInput', () => {
  const groupId = '0b5e8f7e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
  const spec = (index: number) => ({
    groupId,
    index,
    count: 21,
    currencyCode: 'EUR',
    poNumber: 'PO-1',
    note: null,
    email: null,
    shippingAddress: null,
    shipping: { title: 'Freight', price: parseMoney('99.5') },
    lines: [{ variantGid: 'gid://shopify/ProductVariant/1', quantity: 2, discountPerUnit: parseMoney('1.25') }],
  });

  it('tags fit Shopify’s 40 characters up to draft 999', () => {
    expect(groupTag(groupId).length).toBeLessThanOrEqual(40);
    expect(chunkTag(groupId, 999).length).toBeLessThanOrEqual(40);
  });

  it('charges shipping on the first draft only and discounts per unit as FIXED_AMOUNT', () => {
    const first = draftOrderInput(spec(0));
    const other = draftOrderInput(spec(7));
    expect(first.shippingLine).toEqual({ title: 'Freight', priceWithCurrency: { amount: '99.50', currencyCode: 'EUR' } });
    expect(other.shippingLine?.priceWithCurrency).toEqual({ amount: '0.00', currencyCode: 'EUR' });
    expect(first.lineItems![0]!.appliedDiscount).toMatchObject({ valueType: 'FIXED_AMOUNT', value: 1.25 });
    expect(other.tags).toEqual([groupTag(groupId), chunkTag(groupId, 7)]);
    expect(other.metafields).toContainEqual(expect.objectContaining({ key: 'position', value: '8 of 21' }));
  });
});

describe('parseCartRequest', () => {
  const base = { shop: 'acme.myshopify.com', companyLocationId: 'gid://shopify/CompanyLocation/1' };
  it('accepts lines by SKU or variant, or CSV', () => {
    expect(parseCartRequest({ ...base, lines: [{ sku: 'A', quantity: 1 }, { variantId: 'gid://shopify/ProductVariant/9', quantity: 2 }] }, { maxLines: 10 })).toMatchObject({ ok: true });
    expect(parseCartRequest({ ...base, linesCsv: 'A,1\nB,2' }, { maxLines: 10 })).toMatchObject({ ok: true, cart: { lines: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }] } });
  });
  it.each([
    [{ ...base }, '(body)'],
    [{ ...base, lines: [{ sku: 'A', variantId: 'gid://shopify/ProductVariant/9', quantity: 1 }] }, 'lines.0'],
    [{ ...base, shop: 'evil.com', lines: [{ sku: 'A', quantity: 1 }] }, 'shop'],
    [{ ...base, companyLocationId: '1', lines: [{ sku: 'A', quantity: 1 }] }, 'companyLocationId'],
    [{ ...base, lines: [{ sku: 'A', quantity: 1.5 }] }, 'lines.0.quantity'],
  ])('refuses %j naming %s', (body, path) => {
    const result = parseCartRequest(body, { maxLines: 10 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path);
  });
  it('refuses more lines than the limit', () => {
    expect(parseCartRequest({ ...base, linesCsv: 'A,1\nB,1\nC,1' }, { maxLines: 2 })).toMatchObject({ ok: false, problems: [{ path: 'lines' }] });
  });
});
