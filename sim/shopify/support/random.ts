/**
 * Deterministic numbers. The catalog is generated from a seed line by line (never held in
 * memory), so every value must be a pure function of (seed, what, index); fault injection
 * uses a seeded generator so a failing test can be replayed.
 */

/** 32-bit mix of a seed and integers (murmur3 finaliser per input). */
export function hash32(seed: number, ...values: number[]): number {
  let h = seed >>> 0;
  for (const value of values) {
    // Split into 32-bit halves so indexes beyond 2^32 still mix fully.
    for (const part of [value >>> 0, Math.floor(value / 0x1_0000_0000) >>> 0]) {
      let k = Math.imul(part, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, 0x1b873593);
      h ^= k;
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded uniform generator in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
