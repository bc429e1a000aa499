import fc from 'fast-check';
import { decodeShard, encodeShards, ShardEncodingError } from './entryShards';

const opts = { prefix: 't1:', width: 2 };

describe('entry shards', () => {
  it('round-trip any entries, every shard under the cap, deterministic whatever the input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ key: fc.bigInt({ min: 1n, max: 2n ** 63n }), values: fc.tuple(fc.nat(1_000_000), fc.nat(9)) }), { selector: (e) => e.key, maxLength: 3_000 }),
        fc.integer({ min: 64, max: 10_000 }),
        (entries, maxBytes) => {
          const shards = encodeShards(entries, { ...opts, maxBytes });
          expect(shards.every((s) => s.length <= maxBytes)).toBe(true);
          // The hand-written base64 is standard base64 (Node's reads it back identically).
          for (const s of shards) expect(Buffer.from(s.slice(3), 'base64').toString('base64')).toBe(s.slice(3));
          // Arrays, not Maps: jest compares Map entries pairwise (quadratic).
          const decoded = shards.flatMap((s) => [...decodeShard(s, opts)].map(([k, v]) => `${k}:${v.join(',')}`));
          expect(decoded).toEqual([...entries].sort((a, b) => (a.key < b.key ? -1 : 1)).map((e) => `${e.key}:${e.values.join(',')}`));
          expect(encodeShards([...entries].reverse(), { ...opts, maxBytes })).toEqual(shards);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ['a key twice', () => encodeShards([{ key: 1n, values: [1, 1] }, { key: 1n, values: [2, 2] }], opts), /appears twice/],
    ['a negative value', () => encodeShards([{ key: 1n, values: [-1, 0] }], opts), /value -1/],
    ['the wrong number of values', () => encodeShards([{ key: 1n, values: [1] }], opts), /expected 2/],
    ['more shards than allowed', () => encodeShards(Array.from({ length: 5_000 }, (_, i) => ({ key: BigInt(i * 100_000), values: [i, 1] })), { ...opts, maxShards: 2 }), /shards; at most 2/],
    ['a truncated shard', () => decodeShard('t1:gA==', opts), /truncated/],
    ['another table', () => decodeShard('q1:AA==', opts), /not a t1: shard/],
    ['not base64', () => decodeShard('t1:%%%%', opts), /not base64/],
  ])('refuses %s rather than writing or reading a wrong value', (_name, run, message) => {
    expect(run).toThrow(ShardEncodingError);
    expect(run).toThrow(message);
  });
});
