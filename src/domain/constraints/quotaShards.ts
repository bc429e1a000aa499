/**
 * The compact encoding of a company location's remaining quotas for checkout: what the
 * Validation Function reads from the location's metafields `b2b.quota_0` … `b2b.quota_{n-1}`.
 *
 * Why this shape (Shopify's limits): a Function does not receive a metafield over 10,000
 * bytes and its whole input is capped at 128 KB, while a location may hold 10,000 quota
 * lines and a cart 500 lines of its own input. So entries are sorted by variant ID and
 * written as a byte stream — the ID as a LEB128 varint delta from the previous one, then the
 * remaining quantity as a varint — in base64, cut into shards of whole entries that stay
 * under the metafield cap. Realistic IDs (a shop's variants, other shops' IDs in between)
 * take ~6 bytes a line: 10,000 lines fit in 7 shards, ~61 KB, and with a 500-line cart's
 * input the Function's input stays near 115 KB of 128 (quotaShards.test.ts proves it).
 * Pure; the Function decodes with decodeQuotaShard.
 */
export interface QuotaEntry {
  /** The numeric part of gid://shopify/ProductVariant/<id>. */
  variantId: bigint;
  remaining: number;
}

export const QUOTA_SHARD_PREFIX = 'q1:';
/** A Function is not given a metafield value larger than this (bytes). */
export const FUNCTION_METAFIELD_MAX_BYTES = 10_000;

export class QuotaEncodingError extends Error {}

function varint(value: bigint, out: number[]): void {
  if (value < 0n) throw new QuotaEncodingError(`cannot encode a negative number ${value}`);
  let v = value;
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
}

/** Base64 of `bytes` is 4 characters per 3 bytes (rounded up). */
const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

// Base64 by hand, not Buffer: the checkout Function (JavaScript compiled to Wasm) shares this
// code and has no Node built-ins.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

function toBase64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? ALPHABET[n & 63]! : '=');
  }
  return out;
}

function fromBase64(text: string): number[] {
  if (text.length % 4 !== 0) throw new QuotaEncodingError('not base64');
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const c = [0, 1, 2, 3].map((k) => (text[i + k] === '=' ? 0 : INDEX.get(text[i + k]!)));
    if (c.some((v) => v === undefined)) throw new QuotaEncodingError('not base64');
    const n = (c[0]! << 18) | (c[1]! << 12) | (c[2]! << 6) | c[3]!;
    out.push((n >> 16) & 255);
    if (text[i + 2] !== '=') out.push((n >> 8) & 255);
    if (text[i + 3] !== '=') out.push(n & 255);
  }
  return out;
}

/**
 * Shards of `entries` (any order; a variant at most once), each a string of at most
 * `maxBytes` bytes — the value of one metafield. Deterministic: same entries, same shards
 * (the sync compares hashes of them to push only what changed).
 */
export function encodeQuotaShards(entries: readonly QuotaEntry[], options: { maxBytes?: number; maxShards?: number } = {}): string[] {
  const maxBytes = options.maxBytes ?? FUNCTION_METAFIELD_MAX_BYTES;
  // Raw bytes per shard: base64 writes 4 characters for every 3 bytes, rounded up.
  const budget = Math.floor((maxBytes - QUOTA_SHARD_PREFIX.length) / 4) * 3;
  const sorted = [...entries].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.variantId === sorted[i - 1]!.variantId) throw new QuotaEncodingError(`variant ${sorted[i]!.variantId} appears twice`);
  const shards: string[] = [];
  let bytes: number[] = [];
  let previous = 0n;
  for (const entry of sorted) {
    if (!Number.isSafeInteger(entry.remaining) || entry.remaining < 0) throw new QuotaEncodingError(`remaining ${entry.remaining} for variant ${entry.variantId}`);
    const piece: number[] = [];
    varint(entry.variantId - previous, piece);
    varint(BigInt(entry.remaining), piece);
    if (bytes.length + piece.length > budget) {
      // A new shard restarts the deltas from zero, so every shard decodes on its own.
      shards.push(QUOTA_SHARD_PREFIX + toBase64(bytes));
      bytes = [];
      piece.length = 0;
      varint(entry.variantId, piece);
      varint(BigInt(entry.remaining), piece);
    }
    bytes.push(...piece);
    previous = entry.variantId;
  }
  if (bytes.length > 0) shards.push(QUOTA_SHARD_PREFIX + toBase64(bytes));
  const maxShards = options.maxShards ?? Infinity;
  if (shards.length > maxShards) throw new QuotaEncodingError(`${entries.length} quota lines need ${shards.length} shards; at most ${maxShards}`);
  for (const s of shards) if (s.length > maxBytes) throw new QuotaEncodingError(`a shard of ${s.length} bytes exceeds ${maxBytes}`);
  // Sanity: the arithmetic above and the real base64 agree.
  if (shards.some((s) => s.length - QUOTA_SHARD_PREFIX.length !== base64Length(fromBase64(s.slice(QUOTA_SHARD_PREFIX.length)).length))) {
    throw new QuotaEncodingError('base64 length mismatch');
  }
  return shards;
}

/** Variant ID → remaining quantity, from one shard (as the Function reads it). */
export function decodeQuotaShard(shard: string): Map<bigint, number> {
  if (!shard.startsWith(QUOTA_SHARD_PREFIX)) throw new QuotaEncodingError('not a quota shard');
  const bytes = fromBase64(shard.slice(QUOTA_SHARD_PREFIX.length));
  const out = new Map<bigint, number>();
  let at = 0;
  const read = (): bigint => {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      if (at >= bytes.length) throw new QuotaEncodingError('truncated shard');
      const byte = bytes[at++]!;
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7n;
    }
  };
  let id = 0n;
  while (at < bytes.length) {
    id += read();
    out.set(id, Number(read()));
  }
  return out;
}
