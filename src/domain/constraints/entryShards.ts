import { base64Length, Base64Error, fromBase64, toBase64 } from './base64';

/**
 * Sorted (key, values…) tables packed into metafield-sized strings: what checkout reads.
 *
 * Why this shape (Shopify's limits, https://shopify.dev/docs/api/functions/latest#input-limits):
 * a Function is not given a metafield value over 10,000 bytes and its whole input is capped
 * at 128 KB, while a company location may hold 10,000 quota lines. So entries are sorted by
 * key and written as a byte stream — the key as a LEB128 varint delta from the previous
 * key, then each value as a varint — in base64, cut into shards of whole entries under the
 * cap. Realistic keys (one shop's IDs, other shops' IDs in between) take ~6 bytes an entry.
 * Each shard restarts its deltas, so it decodes on its own. Pure and deterministic: same
 * entries, same shards (the sync hashes them to push only what changed).
 */
export interface Entry {
  key: bigint;
  /** Non-negative safe integers, `width` of them per entry. */
  values: readonly number[];
}

/** A Function is not given a metafield value larger than this (bytes). */
export const FUNCTION_METAFIELD_MAX_BYTES = 10_000;

export class ShardEncodingError extends Error {}

function varint(value: bigint, out: number[]): void {
  if (value < 0n) throw new ShardEncodingError(`cannot encode a negative number ${value}`);
  let v = value;
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
}

export interface ShardOptions {
  /** Each shard starts with it, so a reader can tell the table and its version. */
  prefix: string;
  width: number;
  maxBytes?: number;
  maxShards?: number;
}

export function encodeShards(entries: readonly Entry[], options: ShardOptions): string[] {
  const maxBytes = options.maxBytes ?? FUNCTION_METAFIELD_MAX_BYTES;
  // Raw bytes per shard: base64 writes 4 characters for every 3 bytes, rounded up.
  const budget = Math.floor((maxBytes - options.prefix.length) / 4) * 3;
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shards: string[] = [];
  let bytes: number[] = [];
  let previous = 0n;
  const piece = (entry: Entry, from: bigint): number[] => {
    const out: number[] = [];
    varint(entry.key - from, out);
    for (const v of entry.values) {
      if (!Number.isSafeInteger(v) || v < 0) throw new ShardEncodingError(`value ${v} for key ${entry.key}`);
      varint(BigInt(v), out);
    }
    return out;
  };
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i]!;
    if (entry.values.length !== options.width) throw new ShardEncodingError(`key ${entry.key} has ${entry.values.length} values, expected ${options.width}`);
    if (i > 0 && sorted[i - 1]!.key === entry.key) throw new ShardEncodingError(`key ${entry.key} appears twice`);
    let next = piece(entry, previous);
    if (bytes.length + next.length > budget) {
      shards.push(options.prefix + toBase64(bytes));
      bytes = [];
      next = piece(entry, 0n);
    }
    bytes.push(...next);
    previous = entry.key;
  }
  if (bytes.length > 0) shards.push(options.prefix + toBase64(bytes));
  if (shards.length > (options.maxShards ?? Infinity)) throw new ShardEncodingError(`${entries.length} entries need ${shards.length} shards; at most ${options.maxShards}`);
  for (const s of shards) {
    if (s.length > maxBytes) throw new ShardEncodingError(`a shard of ${s.length} bytes exceeds ${maxBytes}`);
  }
  return shards;
}

/**
 * A table key as the Function holds it: a Number while exact (every Shopify ID × 2 today is
 * below 2^53), a BigInt only past that. Why: QuickJS — the engine Shopify's JavaScript
 * Functions run on — hashes every BigInt Map key to the same bucket, so a Map of 10,000
 * BigInt keys is a list; with Numbers the decode of 10,000 quotas went from ~11 billion
 * instructions to ~0.5 billion (bench:function).
 */
export type TableKey = number | bigint;
const MAX_SAFE_KEY = BigInt(Number.MAX_SAFE_INTEGER);
export const tableKey = (key: bigint): TableKey => (key <= MAX_SAFE_KEY ? Number(key) : key);

/** Key → values, from one shard (as the Function reads it). */
export function decodeShard(shard: string, options: Pick<ShardOptions, 'prefix' | 'width'>): Map<TableKey, number[]> {
  if (!shard.startsWith(options.prefix)) throw new ShardEncodingError(`not a ${options.prefix} shard`);
  let bytes: number[];
  try {
    bytes = fromBase64(shard.slice(options.prefix.length));
  } catch (err) {
    throw new ShardEncodingError(err instanceof Base64Error ? err.message : String(err));
  }
  const out = new Map<TableKey, number[]>();
  let at = 0;
  // Number arithmetic while exact (below 2^53), BigInt past it: same values, no BigInt per byte.
  const read = (): TableKey => {
    const start = at;
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new ShardEncodingError('truncated shard');
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return value <= Number.MAX_SAFE_INTEGER ? value : readBig(start);
      scale *= 128;
    }
  };
  const readBig = (start: number): bigint => {
    let value = 0n;
    let shift = 0n;
    for (at = start; ; shift += 7n) {
      const byte = bytes[at++]!;
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
    }
  };
  let key: TableKey = 0;
  while (at < bytes.length) {
    const delta = read();
    key = typeof key === 'number' && typeof delta === 'number' && key + delta <= Number.MAX_SAFE_INTEGER ? key + delta : tableKey(BigInt(key) + BigInt(delta));
    const values: number[] = [];
    for (let k = 0; k < options.width; k++) {
      const v = read();
      if (typeof v !== 'number') throw new ShardEncodingError(`value ${v} for key ${key} is not a safe integer`);
      values.push(v);
    }
    out.set(key, values);
  }
  return out;
}

/** Sanity for tests: the length arithmetic and real base64 agree. */
export const encodedLength = (rawBytes: number, prefix: string) => prefix.length + base64Length(rawBytes);
