import fc from 'fast-check';
import { cartValidationsGenerateRun } from '../../extensions/cart-validation/src';
import { locationMetafields, shopWideMetafields } from '../../src/domain/constraints/locationConstraints';
import { priceLine, type PriceBreak } from '../../src/domain/carts/pricing';
import { formatMoney, parseMoney, sub, sum, type Money } from '../../src/domain/money/decimal';
import type { QuantityRule, QuotaRule, ValidationContext } from '../../src/domain/validation/context';
import { validateCart } from '../../src/domain/validation/validateCart';
import { CHECKOUT_VALIDATORS } from '../../src/domain/validation/validators';
import { checkoutInput } from './checkoutInputBuilder';

/**
 * Parity: for random rule sets and carts, the backend engine (context as the loader builds
 * it from PostgreSQL) and the checkout Function (fed what the sync would push, in Shopify's
 * input shape) reach the same verdict and flag the same lines. Rules checkout cannot see
 * (SKU exists, warehouse stock) are backend-only by design and not part of the comparison.
 */
const PRODUCTS = 5;
const VARIANTS_PER_PRODUCT = 3;
const productGid = (p: number) => `gid://shopify/Product/${8_100_000_000_000 + p * 37}`;
const variantGid = (p: number, v: number) => `gid://shopify/ProductVariant/${45_000_000_000_000 + p * 1_000 + v * 7}`;
const ALL_VARIANTS = Array.from({ length: PRODUCTS * VARIANTS_PER_PRODUCT }, (_, i) => ({ p: Math.floor(i / VARIANTS_PER_PRODUCT), v: i % VARIANTS_PER_PRODUCT }));

const scopeArb = fc.oneof(
  fc.record({ type: fc.constant('variant' as const), idx: fc.nat(ALL_VARIANTS.length - 1) }).map(({ idx }) => ({ type: 'variant' as const, gid: variantGid(ALL_VARIANTS[idx]!.p, ALL_VARIANTS[idx]!.v) })),
  fc.nat(PRODUCTS - 1).map((p) => ({ type: 'product' as const, gid: productGid(p) })),
);
// Half of the bounds absent, so carts are valid often enough for the verdict to matter both ways.
const optionalCount = (max: number) => fc.option(fc.integer({ min: 1, max }), { nil: null, freq: 2 });
const qtyRuleArb = fc.record({ scope: scopeArb, min: optionalCount(8), max: optionalCount(60), increment: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 2 }) });
const quotaArb = fc.record({
  scope: scopeArb,
  period: fc.constantFrom<QuotaRule['period']>('day', 'week', 'month', 'quarter', 'year'),
  maxQuantity: fc.integer({ min: 0, max: 120 }),
  used: fc.integer({ min: 0, max: 140 }),
});
const uniqueBy = <T>(items: T[], key: (t: T) => string) => [...new Map(items.map((i) => [key(i), i])).values()];
const moneyArb = (maxCents: number) => fc.integer({ min: 0, max: maxCents }).map((c) => parseMoney((c / 100).toFixed(2)));

const caseArb = fc.record({
  locationQty: fc.array(qtyRuleArb, { maxLength: 3 }),
  shopQty: fc.array(qtyRuleArb, { maxLength: 3 }),
  quotas: fc.array(quotaArb, { maxLength: 3 }),
  priceRequired: fc.uniqueArray(fc.nat(PRODUCTS - 1), { maxLength: 3 }),
  breaks: fc.array(fc.record({ idx: fc.nat(ALL_VARIANTS.length - 1), minQuantity: fc.integer({ min: 1, max: 30 }), price: moneyArb(5_000) }), { maxLength: 8 }),
  listPrices: fc.array(moneyArb(9_000), { minLength: ALL_VARIANTS.length, maxLength: ALL_VARIANTS.length }),
  credit: fc.option(fc.record({ limit: moneyArb(2_000_000), openBalance: moneyArb(1_000_000) }), { nil: null }),
  lines: fc.array(fc.record({ idx: fc.nat(ALL_VARIANTS.length - 1), quantity: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 6 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
const LOCATION = 'gid://shopify/CompanyLocation/990001';

function backendVerdict(c: Case, locationQty: QuantityRule[], shopQty: QuantityRule[], quotas: QuotaRule[], breaks: Map<string, PriceBreak[]>) {
  const ctx: ValidationContext = {
    companyLocationGid: LOCATION,
    lines: c.lines.map((l, lineIndex) => {
      const { p, v } = ALL_VARIANTS[l.idx]!;
      return {
        lineIndex,
        sku: null,
        variantId: variantGid(p, v),
        quantity: l.quantity,
        variant: { variantGid: variantGid(p, v), productGid: productGid(p), sku: null, listPrice: c.listPrices[l.idx]!, inventoryItemGid: null, productActive: true },
      };
    }),
    // As rulesRepository orders them: the location's own first.
    quantityRules: [...locationQty, ...shopQty],
    quotas,
    negotiatedPrices: breaks,
    negotiatedPriceRequired: new Set(c.priceRequired.map(productGid)),
    warehouses: null,
    stock: new Map(),
    currencyDigits: 2,
    creditLimit: c.credit?.limit ?? null,
    openBalance: c.credit?.openBalance ?? (0n as Money),
  };
  return validateCart(ctx, CHECKOUT_VALIDATORS);
}

const lineIndexes = (targets: string[]) => [...new Set(targets.flatMap((t) => /^\$\.cart\.lines\[(\d+)\]/.exec(t)?.[1] ?? []).map(Number))].sort((a, b) => a - b);

describe('checkout Function parity with the backend engine', () => {
  it('reaches the same verdict on the same lines for 1,500 generated rule sets and carts', () => {
    const stats = { cases: 0, invalid: 0, codes: new Map<string, number>() };
    fc.assert(
      fc.property(caseArb, (c) => {
        const locationQty = uniqueBy(c.locationQty, (r) => r.scope.gid);
        const shopQty = uniqueBy(c.shopQty, (r) => r.scope.gid);
        const quotas = uniqueBy(c.quotas, (q) => `${q.scope.gid}/${q.period}`);
        const breaks = new Map<string, PriceBreak[]>();
        for (const b of uniqueBy(c.breaks, (b) => `${b.idx}/${b.minQuantity}`)) {
          const gid = variantGid(ALL_VARIANTS[b.idx]!.p, ALL_VARIANTS[b.idx]!.v);
          breaks.set(gid, [...(breaks.get(gid) ?? []), { minQuantity: b.minQuantity, price: b.price }]);
        }
        const backend = backendVerdict(c, locationQty, shopQty, quotas, breaks);

        // What the sync computes for this location and shop (the SQL side is tested on PostgreSQL).
        const priceRequired = new Set(c.priceRequired.map(productGid));
        const priceStarts = [...breaks]
          .filter(([gid]) => priceRequired.has(productGid(ALL_VARIANTS.find(({ p, v }) => variantGid(p, v) === gid)!.p)))
          .map(([gid, list]) => ({ variantGid: gid, minQuantity: Math.min(...list.map((b) => b.minQuantity)) }));
        const locationValues = locationMetafields({
          quotas,
          quantityRules: locationQty,
          priceStarts,
          creditRemaining: c.credit ? sub(c.credit.limit, c.credit.openBalance) : null,
        });
        const ownerValues = shopWideMetafields({ quantityRules: shopQty, negotiatedPriceRequired: [...priceRequired] });
        // Shopify's subtotal: the lines at the location's negotiated prices (B2B catalogs).
        const subtotal = sum(c.lines.map((l) => priceLine(c.listPrices[l.idx]!, breaks.get(variantGid(ALL_VARIANTS[l.idx]!.p, ALL_VARIANTS[l.idx]!.v)) ?? [], l.quantity).lineTotal));
        const input = checkoutInput({
          locationGid: LOCATION,
          locationValues,
          ownerValues,
          lines: c.lines.map((l) => ({ variantGid: variantGid(ALL_VARIANTS[l.idx]!.p, ALL_VARIANTS[l.idx]!.v), productGid: productGid(ALL_VARIANTS[l.idx]!.p), quantity: l.quantity })),
          subtotal: formatMoney(subtotal),
        });
        const out = cartValidationsGenerateRun(input);
        const targets = out.operations.flatMap((o) => o.validationAdd.errors.map((e) => e.target));

        expect(targets.length === 0).toBe(backend.valid);
        expect(lineIndexes(targets)).toEqual([...new Set(backend.errors.flatMap((e) => (e.lineIndex === null ? [] : [e.lineIndex])))].sort((a, b) => a - b));
        expect(targets.includes('$.cart')).toBe(backend.errors.some((e) => e.lineIndex === null));
        stats.cases++;
        if (!backend.valid) stats.invalid++;
        for (const e of backend.errors) stats.codes.set(e.code, (stats.codes.get(e.code) ?? 0) + 1);
      }),
      { numRuns: 1_500, seed: 20261204 },
    );
    // The generator must exercise both verdicts and every checkout rule, or the property proves little.
    expect(stats.cases).toBe(1_500);
    expect(stats.invalid / stats.cases).toBeGreaterThan(0.3);
    expect(stats.invalid / stats.cases).toBeLessThan(0.9);
    const rare = ['QUANTITY_BELOW_MIN', 'QUANTITY_ABOVE_MAX', 'QUANTITY_NOT_MULTIPLE', 'QUOTA_EXCEEDED', 'PRICE_NOT_NEGOTIATED', 'CREDIT_LIMIT_EXCEEDED'].filter(
      (code) => (stats.codes.get(code) ?? 0) < 30,
    );
    expect({ rare, hits: Object.fromEntries(stats.codes) }).toEqual({ rare: [], hits: expect.any(Object) });
  });

  it('a cart without a company location is checked against the shop-wide rules only', () => {
    const ownerValues = shopWideMetafields({ quantityRules: [{ scope: { type: 'product', gid: productGid(1) }, min: 6, max: null, increment: 6 }], negotiatedPriceRequired: [] });
    const out = cartValidationsGenerateRun(
      checkoutInput({ locationGid: null, locationValues: [], ownerValues, lines: [{ variantGid: variantGid(1, 0), productGid: productGid(1), quantity: 4 }, { variantGid: variantGid(2, 0), productGid: productGid(2), quantity: 4 }], subtotal: '10.00' }),
    );
    expect(out.operations[0]!.validationAdd.errors).toEqual([
      { message: 'Order at least 6 of this item.', target: '$.cart.lines[0].quantity' },
      { message: 'This item is sold in packs of 6.', target: '$.cart.lines[0].quantity' },
    ]);
  });

  it('a corrupt constraint table blocks the cart with a message to get in touch, rather than waiving the rules', () => {
    const values = locationMetafields({ quotas: [{ scope: { type: 'variant', gid: variantGid(0, 0) }, period: 'month', maxQuantity: 5, used: 0 }], quantityRules: [], priceStarts: [], creditRemaining: null });
    const broken = values.map((v) => (v.key === 'quota_0' ? { ...v, value: 'q1:%%%%' } : v));
    const out = cartValidationsGenerateRun(checkoutInput({ locationGid: LOCATION, locationValues: broken, ownerValues: new Map(), lines: [{ variantGid: variantGid(0, 0), productGid: productGid(0), quantity: 1 }], subtotal: '1.00' }));
    expect(out.operations[0]!.validationAdd.errors).toEqual([{ message: expect.stringContaining('could not be checked'), target: '$.cart' }]);
  });

  it('keeps its output under Shopify’s 20 KB cap when every line of a 500-line cart is wrong', () => {
    const ownerValues = shopWideMetafields({ quantityRules: ALL_VARIANTS.map(({ p, v }) => ({ scope: { type: 'variant' as const, gid: variantGid(p, v) }, min: 100, max: 50, increment: 7 })), negotiatedPriceRequired: [] });
    const lines = Array.from({ length: 500 }, (_, i) => ({ variantGid: variantGid(ALL_VARIANTS[i % ALL_VARIANTS.length]!.p, ALL_VARIANTS[i % ALL_VARIANTS.length]!.v), productGid: productGid(ALL_VARIANTS[i % ALL_VARIANTS.length]!.p), quantity: 99 }));
    const out = cartValidationsGenerateRun(checkoutInput({ locationGid: null, locationValues: [], ownerValues, lines, subtotal: '1.00' }));
    const errors = out.operations[0]!.validationAdd.errors;
    expect(JSON.stringify(out).length).toBeLessThan(20 * 1024);
    expect(errors.at(-1)).toEqual({ message: expect.stringMatching(/^\d+ more lines break ordering rules/), target: '$.cart' });
    expect(errors.length).toBeGreaterThan(100);
  });
});
