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

/** Key → values, from one shard (as the Function reads it). */
export function decodeShard(shard: string, options: Pick<ShardOptions, 'prefix' | 'width'>): Map<bigint, number[]> {
  if (!shard.startsWith(options.prefix)) throw new ShardEncodingError(`not a ${options.prefix} shard`);
  let bytes: number[];
  try {
    bytes = fromBase64(shard.slice(options.prefix.length));
  } catch (err) {
    throw new ShardEncodingError(err instanceof Base64Error ? err.message : String(err));
  }
  const out = new Map<bigint, number[]>();
  let at = 0;
  const read = (): bigint => {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      if (at >= bytes.length) throw new ShardEncodingError('truncated shard');
      const byte = bytes[at++]!;
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7n;
    }
  };
  let key = 0n;
  while (at < bytes.length) {
    key += read();
    const values: number[] = [];
    for (let k = 0; k < options.width; k++) values.push(Number(read()));
    out.set(key, values);
  }
  return out;
}

/** Sanity for tests: the length arithmetic and real base64 agree. */
export const encodedLength = (rawBytes: number, prefix: string) => prefix.length + base64Length(rawBytes);
