import fc from 'fast-check';
import { decodeQuotaShard, encodeQuotaShards, FUNCTION_METAFIELD_MAX_BYTES, QuotaEncodingError, type QuotaEntry } from './quotaShards';

/** Shopify variant IDs of one shop: 14 digits, IDs of other shops' variants in between (gaps up to 50,000). */
function realisticEntries(count: number, seed = 7): QuotaEntry[] {
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let id = 45_000_000_000_000n;
  return Array.from({ length: count }, () => {
    id += BigInt(1 + Math.floor(random() * 50_000));
    return { variantId: id, remaining: Math.floor(random() * 2_000) };
  });
}

/**
 * One cart line of the Function's input as its query asks for it: quantity, the variant's
 * ID and its shop-wide quantity rule (metafield b2b.rules, "min,max,increment").
 */
const CART_LINE_INPUT_BYTES = JSON.stringify({
  quantity: 1200,
  merchandise: { id: 'gid://shopify/ProductVariant/45000000123456', rules: { value: '6,600,6' } },
}).length;

// Computed once (≈ 10 ms) so the figures appear in the test's name.
const entries = realisticEntries(10_000);
const shards = encodeQuotaShards(entries);
const total = shards.reduce((n, s) => n + s.length, 0);
const input = total + shards.length * 64 + 500 * CART_LINE_INPUT_BYTES;

describe('quota shards', () => {
  it(`10,000 quota lines of one company location fit Shopify’s Function limits beside a 500-line cart: ${shards.length} shards, ${total} bytes (${(total / 10_000).toFixed(1)} a line), input ≈ ${(input / 1024).toFixed(0)} KB of 128`, () => {
    // Every metafield value is one the Function is given…
    expect(Math.max(...shards.map((s) => s.length))).toBeLessThanOrEqual(FUNCTION_METAFIELD_MAX_BYTES);
    // …and all of them plus a 500-line cart stay under the 128 KB input cap (with JSON overhead per shard).
    expect(input).toBeLessThan(128 * 1024);
    expect(shards.length).toBeLessThanOrEqual(8);
    // And nothing is lost.
    const decoded = new Map(shards.flatMap((s) => [...decodeQuotaShard(s)]));
    expect(decoded.size).toBe(10_000);
    for (const e of entries) expect(decoded.get(e.variantId)).toBe(e.remaining);
  });

  it('round-trips any entries, shards always under the cap, deterministic', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ variantId: fc.bigInt({ min: 1n, max: 2n ** 53n }), remaining: fc.integer({ min: 0, max: 1_000_000 }) }), { selector: (e) => e.variantId, maxLength: 3_000 }),
        fc.integer({ min: 64, max: 10_000 }),
        (entries, maxBytes) => {
          const shards = encodeQuotaShards(entries, { maxBytes });
          expect(shards.every((s) => s.length <= maxBytes)).toBe(true);
          // The hand-written base64 is standard base64 (Node's reads it back identically).
          for (const s of shards) expect(Buffer.from(s.slice(3), 'base64').toString('base64')).toBe(s.slice(3));
          // Arrays, not Maps: jest compares Map entries pairwise (quadratic).
          const decoded = shards.flatMap((s) => [...decodeQuotaShard(s)].map(([id, remaining]) => `${id}:${remaining}`));
          expect(decoded).toEqual([...entries].sort((a, b) => (a.variantId < b.variantId ? -1 : 1)).map((e) => `${e.variantId}:${e.remaining}`));
          expect(encodeQuotaShards([...entries].reverse(), { maxBytes })).toEqual(shards);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses what it cannot encode rather than writing a wrong value', () => {
    expect(() => encodeQuotaShards([{ variantId: 1n, remaining: 1 }, { variantId: 1n, remaining: 2 }])).toThrow(QuotaEncodingError);
    expect(() => encodeQuotaShards([{ variantId: 1n, remaining: -1 }])).toThrow(QuotaEncodingError);
    expect(() => encodeQuotaShards(realisticEntries(10_000), { maxShards: 2 })).toThrow(/need \d+ shards; at most 2/);
    expect(() => decodeQuotaShard('q1:gA==')).toThrow(/truncated/);
  });
});
