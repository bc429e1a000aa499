import { decodeShard } from './entryShards';
import { ConstraintsTooLargeError, locationMetafields, shopWideMetafields, unpackQuota, type LocationConstraintData } from './locationConstraints';
import { FUNCTION_METAFIELD_MAX_BYTES } from './entryShards';
import { LOCATION_TABLES, LOCATION_VALUES_MAX_BYTES } from './metafieldKeys';
import { parseMoney } from '../money/decimal';
import type { QuotaRule } from '../validation/context';

/** A shop's variant IDs (14 digits) with other shops' IDs in between: gaps up to 50,000. */
function realisticQuotas(count: number, seed = 7): QuotaRule[] {
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let id = 45_000_000_000_000;
  return Array.from({ length: count }, () => {
    id += 1 + Math.floor(random() * 50_000);
    return { scope: { type: 'variant', gid: `gid://shopify/ProductVariant/${id}` }, period: 'month', maxQuantity: 2_000, used: Math.floor(random() * 2_000) };
  });
}

const empty: LocationConstraintData = { quotas: [], quantityRules: [], priceStarts: [], creditRemaining: null };

/**
 * One cart line of the Function's input as its query asks for it (IDs of realistic length,
 * both rules metafields present): what a cart costs of the 128 KB input beside the location.
 */
const LINE_INPUT_BYTES = JSON.stringify({
  quantity: 1200,
  merchandise: { id: 'gid://shopify/ProductVariant/45000000123456', rules: { value: '{"q":[6,600,6]}' }, product: { id: 'gid://shopify/Product/8123456789012', rules: null } },
}).length;
const INPUT_CAP = 128 * 1024;
const PER_METAFIELD_OVERHEAD = '"quota0":{"value":""},'.length;

// Computed once so the figures show in the test's name.
const tenThousand = locationMetafields({ ...empty, quotas: realisticQuotas(10_000), creditRemaining: parseMoney('25000') });
const tenThousandBytes = tenThousand.reduce((n, v) => n + v.value.length + PER_METAFIELD_OVERHEAD, 0);
const cartLinesBeside = Math.floor((INPUT_CAP - tenThousandBytes - 200) / (LINE_INPUT_BYTES + 1));

describe('checkout constraint encoding of a company location', () => {
  it(`10,000 quota lines fit Shopify's Function limits: ${tenThousand.length - 1} shards, ${tenThousandBytes} bytes of input, leaving room for a ${cartLinesBeside}-line cart (${LINE_INPUT_BYTES} bytes a line) in the 128 KB input`, () => {
    expect(tenThousand.every((v) => Buffer.byteLength(v.value) <= FUNCTION_METAFIELD_MAX_BYTES)).toBe(true);
    expect(tenThousand.filter((v) => v.key.startsWith('quota_')).length).toBeLessThanOrEqual(LOCATION_TABLES.quota.maxShards);
    expect(tenThousandBytes).toBeLessThanOrEqual(LOCATION_VALUES_MAX_BYTES + tenThousand.length * PER_METAFIELD_OVERHEAD);
    expect(cartLinesBeside).toBeGreaterThanOrEqual(300);
    // Nothing lost: every quota's remaining quantity comes back.
    const decoded = new Map(tenThousand.filter((v) => v.key.startsWith('quota_')).flatMap((v) => [...decodeShard(v.value, { prefix: 'q1:', width: 1 })]));
    expect(decoded.size).toBe(10_000);
    for (const q of realisticQuotas(10_000)) expect(unpackQuota(decoded.get(Number(q.scope.gid.split('/').pop()!) * 2)![0]!)).toEqual({ remaining: q.maxQuantity - q.used, period: 'month' });
    // A 500-line cart without location tables fits too.
    expect(500 * (LINE_INPUT_BYTES + 1) + 500).toBeLessThan(INPUT_CAP);
  });

  it('a location with no rule checkout enforces gets no metafields (earlier ones are deleted)', () => {
    expect(locationMetafields(empty)).toEqual([]);
  });

  it('header carries the live shard counts and the remaining credit', () => {
    const values = locationMetafields({ ...empty, creditRemaining: parseMoney('-12.5'), quantityRules: [{ scope: { type: 'product', gid: 'gid://shopify/Product/9' }, min: 2, max: null, increment: 2 }] });
    expect(values.map((v) => [v.key, v.type])).toEqual([
      ['constraints', 'json'],
      ['qty_0', 'single_line_text_field'],
    ]);
    expect(JSON.parse(values[0]!.value)).toEqual({ v: 1, credit: '-12.50', q: 0, m: 1, p: 0 });
    expect([...decodeShard(values[1]!.value, { prefix: 'm1:', width: 3 })]).toEqual([[19, [2, 0, 2]]]);
  });

  it.each([
    ['used beyond the maximum', 10, 14, 0],
    ['exactly used up', 10, 10, 0],
    ['some left', 10, 3, 7],
  ])('quota %s → remaining %#', (_name, maxQuantity, used, remaining) => {
    const [, shard] = locationMetafields({ ...empty, quotas: [{ scope: { type: 'variant', gid: 'gid://shopify/ProductVariant/5' }, period: 'week', maxQuantity, used }] });
    expect([...decodeShard(shard!.value, { prefix: 'q1:', width: 1 })].map(([k, [v]]) => [k, unpackQuota(v!)])).toEqual([[10, { remaining, period: 'week' }]]);
  });

  it('two periods on one scope keep the binding one (least remaining) with its period', () => {
    const scope = { type: 'product' as const, gid: 'gid://shopify/Product/3' };
    const [, shard] = locationMetafields({ ...empty, quotas: [{ scope, period: 'year', maxQuantity: 100, used: 95 }, { scope, period: 'day', maxQuantity: 10, used: 0 }] });
    expect([...decodeShard(shard!.value, { prefix: 'q1:', width: 1 })].map(([k, [v]]) => [k, unpackQuota(v!)])).toEqual([[7, { remaining: 5, period: 'year' }]]);
  });

  it('refuses a location too large for checkout rather than pushing part of it', () => {
    expect(() => locationMetafields({ ...empty, quotas: realisticQuotas(14_000) })).toThrow(ConstraintsTooLargeError);
  });

  it('shop-wide rules go to the product or variant that owns them', () => {
    const owners = shopWideMetafields({
      quantityRules: [
        { scope: { type: 'variant', gid: 'gid://shopify/ProductVariant/4' }, min: null, max: 10, increment: null },
        { scope: { type: 'product', gid: 'gid://shopify/Product/2' }, min: 6, max: null, increment: 6 },
      ],
      negotiatedPriceRequired: ['gid://shopify/Product/2'],
    });
    expect(Object.fromEntries([...owners].map(([gid, values]) => [gid, JSON.parse(values[0]!.value)]))).toEqual({
      'gid://shopify/ProductVariant/4': { q: [0, 10, 0] },
      'gid://shopify/Product/2': { q: [6, 0, 6], n: 1 },
    });
  });
});
