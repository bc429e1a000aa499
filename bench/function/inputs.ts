import { locationMetafields, shopWideMetafields, type MetafieldValue } from '../../src/domain/constraints/locationConstraints';
import type { CheckoutInput } from '../../src/domain/constraints/checkoutInput';
import { parseMoney } from '../../src/domain/money/decimal';
import type { QuantityRule, QuotaRule } from '../../src/domain/validation/context';
import { checkoutInput, type CartLineSpec } from '../../test/function/checkoutInputBuilder';

/**
 * Function inputs as Shopify would send them, built with the project's own code: the sync's
 * encoders (locationMetafields, shopWideMetafields) and the parity test's input builder.
 *
 * The catalog looks like one shop among many: product and variant IDs are 13–14 digits and
 * rise with gaps (other shops' IDs in between), the variants of one product nearly
 * consecutive — which is what the shard encoding's key deltas see in production.
 */
export interface BenchCase {
  name: string;
  lines: number;
  quotas: number;
  input: CheckoutInput;
}

const VARIANTS_PER_PRODUCT = 4;
const PRODUCTS = 2_500;
const LOCATION = 'gid://shopify/CompanyLocation/7340032001';

/** A small deterministic PRNG (mulberry32): same inputs on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Variant {
  gid: string;
  productGid: string;
}

function catalog(rand: () => number): { products: string[]; variants: Variant[] } {
  const products: string[] = [];
  const variants: Variant[] = [];
  let productId = 8_104_522_000_000;
  let variantId = 45_012_870_000_000;
  for (let p = 0; p < PRODUCTS; p++) {
    productId += 1 + Math.floor(rand() * 40_000);
    const productGid = `gid://shopify/Product/${productId}`;
    products.push(productGid);
    variantId += 1 + Math.floor(rand() * 120_000);
    for (let v = 0; v < VARIANTS_PER_PRODUCT; v++) {
      variantId += v === 0 ? 0 : 1 + Math.floor(rand() * 3);
      variants.push({ gid: `gid://shopify/ProductVariant/${variantId}`, productGid });
    }
  }
  return { products, variants };
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const PERIODS: QuotaRule['period'][] = ['month', 'month', 'quarter', 'week', 'year'];

/**
 * `count` quotas, four in five on variants and one in five on products: first every scope the
 * cart touches (so the Function finds a rule for each line), then other catalog scopes.
 */
function quotas(count: number, cart: readonly Variant[], all: { products: string[]; variants: Variant[] }, rand: () => number): QuotaRule[] {
  const variantCount = Math.round(count * 0.8);
  const cartProducts = [...new Set(cart.map((v) => v.productGid))];
  const variantGids = [...new Set([...cart.map((v) => v.gid), ...shuffled(all.variants, rand).map((v) => v.gid)])].slice(0, variantCount);
  const productGids = [...new Set([...cartProducts, ...shuffled(all.products, rand)])].slice(0, count - variantCount);
  const rule = (scope: QuotaRule['scope']): QuotaRule => {
    const maxQuantity = 100 + Math.floor(rand() * 900);
    return { scope, period: PERIODS[Math.floor(rand() * PERIODS.length)]!, maxQuantity, used: Math.floor(rand() * maxQuantity * 0.95) };
  };
  return [...variantGids.map((gid) => rule({ type: 'variant', gid })), ...productGids.map((gid) => rule({ type: 'product', gid }))];
}

function cartLines(cart: readonly Variant[], rand: () => number): CartLineSpec[] {
  // Mostly small quantities, some case packs.
  return cart.map((v) => ({ variantGid: v.gid, productGid: v.productGid, quantity: rand() < 0.2 ? 12 * (1 + Math.floor(rand() * 4)) : 1 + Math.floor(rand() * 10) }));
}

function locationCase(name: string, lines: number, quotaCount: number): BenchCase {
  const rand = random(lines * 100_003 + quotaCount);
  const all = catalog(rand);
  const cart = shuffled(all.variants, rand).slice(0, lines);
  const locationValues: MetafieldValue[] = locationMetafields({
    quotas: quotas(quotaCount, cart, all, rand),
    quantityRules: [],
    priceStarts: [],
    creditRemaining: parseMoney('250000.00'),
  });
  const input = checkoutInput({ locationGid: LOCATION, locationValues, ownerValues: new Map(), lines: cartLines(cart, rand), subtotal: '18450.25' });
  return { name, lines, quotas: quotaCount, input };
}

/**
 * No company location (a buyer outside B2B, or before one is chosen): only the shop-wide
 * rules on the lines' products and variants apply. Every product of the cart has a quantity
 * rule, half the variants their own, and one product in fifty is sold only at negotiated prices.
 */
function shopWideCase(name: string, lines: number): BenchCase {
  const rand = random(lines * 7 + 1);
  const all = catalog(rand);
  const cart = shuffled(all.variants, rand).slice(0, lines);
  const products = [...new Set(cart.map((v) => v.productGid))];
  const quantityRules: QuantityRule[] = [
    ...products.map((gid): QuantityRule => ({ scope: { type: 'product', gid }, min: 1, max: 500, increment: null })),
    ...cart.filter(() => rand() < 0.5).map((v): QuantityRule => ({ scope: { type: 'variant', gid: v.gid }, min: null, max: 240, increment: rand() < 0.5 ? 6 : null })),
  ];
  const ownerValues = shopWideMetafields({ quantityRules, negotiatedPriceRequired: products.filter((_, i) => i % 50 === 0) });
  const input = checkoutInput({ locationGid: null, locationValues: [], ownerValues, lines: cartLines(cart, rand), subtotal: '18450.25' });
  return { name, lines, quotas: 0, input };
}

export function benchCases(): BenchCase[] {
  return [
    locationCase('(a) 20 lines, location with 100 quotas', 20, 100),
    locationCase('(b) 100 lines, 500 quotas', 100, 500),
    shopWideCase('(c) 500 lines, no location, shop-wide rules', 500),
    locationCase('(d) 500 lines, 2,000 quotas', 500, 2_000),
    locationCase('(e) 350 lines, 10,000 quotas', 350, 10_000),
  ];
}
