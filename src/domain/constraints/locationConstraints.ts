import { formatMoney, type Money } from '../money/decimal';
import type { QuantityRule, QuotaRule } from '../validation/context';
import { encodeShards, ShardEncodingError, type Entry } from './entryShards';
import { HEADER_KEY, HEADER_VERSION, LOCATION_TABLES, LOCATION_VALUES_MAX_BYTES, RULES_KEY, shardKey, type LocationTable } from './metafieldKeys';
import { productKey, scopeKey, variantKey } from './scopeKeys';

/**
 * What checkout needs of one company location, computed from PostgreSQL by the sync and
 * turned here into metafield values. Pure: the sync and the parity test share it.
 */
export interface LocationConstraintData {
  /** The location's quotas with what was already used this period (orders and carts on their way). */
  quotas: readonly QuotaRule[];
  /** The location's own quantity rules (shop-wide ones live on the product or variant). */
  quantityRules: readonly QuantityRule[];
  /** For variants of products sold only at a negotiated price: the lowest quantity this location has a price for. */
  priceStarts: readonly { variantGid: string; minQuantity: number }[];
  /** Credit limit − open balance − carts on their way; null: no credit limit. */
  creditRemaining: Money | null;
}

export interface MetafieldValue {
  key: string;
  type: 'json' | 'single_line_text_field';
  value: string;
}

export class ConstraintsTooLargeError extends Error {
  constructor(
    message: string,
    readonly bytes?: number,
  ) {
    super(message);
  }
}

export interface LocationHeader {
  v: number;
  /** Decimal string; null: no credit limit. */
  credit: string | null;
  /** Live shard counts: a reader ignores shards past them (left over until their deletion lands). */
  q: number;
  m: number;
  p: number;
}

const ruleValues = (r: Pick<QuantityRule, 'min' | 'max' | 'increment'>) => [r.min ?? 0, r.max ?? 0, r.increment ?? 0];

export const QUOTA_PERIODS: readonly QuotaRule['period'][] = ['day', 'week', 'month', 'quarter', 'year'];

/**
 * Quotas of the same scope (several periods) collapse to the binding one — the smallest
 * remaining quantity — stored with its period: a cart breaks one of them exactly when it
 * breaks that one. One value per entry, `remaining × 5 + period`: the period rides in the
 * varint's spare bits instead of costing a byte on each of 10,000 lines.
 */
export const packQuota = (remaining: number, period: number) => remaining * QUOTA_PERIODS.length + period;
export const unpackQuota = (value: number) => ({ remaining: Math.floor(value / QUOTA_PERIODS.length), period: QUOTA_PERIODS[value % QUOTA_PERIODS.length]! });

function quotaEntries(quotas: readonly QuotaRule[]): Entry[] {
  const binding = new Map<bigint, [number, number]>();
  for (const q of quotas) {
    const key = scopeKey(q.scope);
    const left = Math.max(0, q.maxQuantity - q.used);
    const current = binding.get(key);
    if (!current || left < current[0]) binding.set(key, [left, QUOTA_PERIODS.indexOf(q.period)]);
  }
  return [...binding].map(([key, [left, period]]) => ({ key, values: [packQuota(left, period)] }));
}

function shards(table: LocationTable, entries: Entry[]): string[] {
  const spec = LOCATION_TABLES[table];
  try {
    return encodeShards(entries, { prefix: spec.shardPrefix, width: spec.width, maxShards: spec.maxShards });
  } catch (err) {
    if (err instanceof ShardEncodingError && /shards; at most/.test(err.message)) throw new ConstraintsTooLargeError(`${table}: ${err.message}`);
    throw err;
  }
}

/**
 * The location's metafields, or none when it has no rule checkout must enforce (then any
 * earlier values are deleted by the sync). Throws ConstraintsTooLargeError rather than
 * writing part of a location's rules.
 */
export function locationMetafields(data: LocationConstraintData): MetafieldValue[] {
  const tables: Record<LocationTable, string[]> = {
    quota: shards('quota', quotaEntries(data.quotas)),
    qty: shards('qty', data.quantityRules.map((r) => ({ key: scopeKey(r.scope), values: ruleValues(r) }))),
    price: shards('price', data.priceStarts.map((p) => ({ key: variantKey(p.variantGid), values: [p.minQuantity] }))),
  };
  if (data.creditRemaining === null && tables.quota.length + tables.qty.length + tables.price.length === 0) return [];
  const header: LocationHeader = {
    v: HEADER_VERSION,
    credit: data.creditRemaining === null ? null : formatMoney(data.creditRemaining),
    q: tables.quota.length,
    m: tables.qty.length,
    p: tables.price.length,
  };
  const values: MetafieldValue[] = [{ key: HEADER_KEY, type: 'json', value: JSON.stringify(header) }];
  for (const table of Object.keys(tables) as LocationTable[]) {
    tables[table].forEach((value, i) => values.push({ key: shardKey(table, i), type: 'single_line_text_field', value }));
  }
  const bytes = values.reduce((n, v) => n + v.value.length, 0);
  if (bytes > LOCATION_VALUES_MAX_BYTES) throw new ConstraintsTooLargeError(`the location's checkout rules take ${bytes} bytes; at most ${LOCATION_VALUES_MAX_BYTES} leave room for the cart`, bytes);
  return values;
}

/** Shop-wide rules of one product or variant (`b2b.rules`, JSON): `q` its quantity rule, `n` sold only at negotiated prices. */
export interface OwnerRules {
  q?: [number, number, number];
  n?: 1;
}

export interface ShopWideRuleData {
  quantityRules: readonly QuantityRule[];
  negotiatedPriceRequired: readonly string[];
}

/** Owner GID → its `b2b.rules` value, for every product and variant with a shop-wide rule. */
export function shopWideMetafields(data: ShopWideRuleData): Map<string, MetafieldValue[]> {
  const byOwner = new Map<string, OwnerRules>();
  const of = (gid: string) => byOwner.get(gid) ?? byOwner.set(gid, {}).get(gid)!;
  for (const r of data.quantityRules) {
    // Validates the GID's shape, as the location tables do.
    if (r.scope.type === 'variant') variantKey(r.scope.gid);
    else productKey(r.scope.gid);
    of(r.scope.gid).q = ruleValues(r) as [number, number, number];
  }
  for (const gid of data.negotiatedPriceRequired) {
    productKey(gid);
    of(gid).n = 1;
  }
  return new Map([...byOwner].map(([gid, rules]) => [gid, [{ key: RULES_KEY, type: 'json' as const, value: JSON.stringify(rules) }]]));
}
