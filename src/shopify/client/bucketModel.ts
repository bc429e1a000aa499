import type { ThrottleStatus } from './costExtension';

/**
 * Our model of one shop's leaky bucket (Shopify's calculated-cost rate limit), as a pure
 * value. Both throttle stores (in memory, and PostgreSQL for several processes) keep one
 * of these per shop and change it only through the functions below.
 */
export interface BucketState {
  /** Points available at `at`, before refill since then. */
  available: number;
  maximum: number;
  restoreRate: number;
  /** Epoch ms of `available`. */
  at: number;
}

/**
 * Until Shopify has told us the shop's bucket (its first answer carries `throttleStatus`),
 * assume less than any plan gives: 1,000 points restoring at 50/s, the Admin API's
 * limits before plan-based buckets. Guessing high would get the first burst throttled.
 */
export const DEFAULT_BUCKET = { maximum: 1_000, restoreRate: 50 } as const;

export function initialBucket(now: number, bucket: { maximum: number; restoreRate: number } = DEFAULT_BUCKET): BucketState {
  return { available: bucket.maximum, maximum: bucket.maximum, restoreRate: bucket.restoreRate, at: now };
}

export function refill(state: BucketState, now: number): BucketState {
  const elapsed = Math.max(0, now - state.at) / 1000;
  return { ...state, available: Math.min(state.maximum, state.available + elapsed * state.restoreRate), at: Math.max(now, state.at) };
}

export type Reservation = { ok: true; state: BucketState } | { ok: false; waitMs: number };

/**
 * Takes `cost` points if the bucket holds them now; otherwise says how long until it
 * will. A cost above the bucket's size could never run: it is capped so the wait ends.
 */
export function reserve(state: BucketState, cost: number, now: number): Reservation {
  const current = refill(state, now);
  const needed = Math.min(cost, current.maximum);
  if (current.available >= needed) return { ok: true, state: { ...current, available: current.available - needed } };
  return { ok: false, waitMs: Math.ceil(((needed - current.available) / current.restoreRate) * 1000) };
}

export interface Settlement {
  /** What we reserved before sending. */
  reserved: number;
  /** What Shopify charged: its actual cost, 0 when throttled (not executed), or unknown. */
  charged: number | undefined;
  /** Shopify's own view of the bucket when it answered, if it sent one. */
  status: ThrottleStatus | undefined;
  /** Other requests of ours in flight for this shop right now. */
  othersInFlight: number;
}

/**
 * After a response: give back what we reserved but were not charged, then reconcile with
 * Shopify's figure. Shopify is the authority on how much is left (another app process or
 * tool may be draining the same bucket), but its snapshot does not include our requests
 * still in flight, so with others in flight we only ever lower our estimate with it.
 */
export function settle(state: BucketState, s: Settlement, now: number): BucketState {
  let next = refill(state, now);
  if (s.charged !== undefined) next = { ...next, available: Math.min(next.maximum, next.available + Math.max(0, s.reserved - s.charged)) };
  if (!s.status) return next;
  const maximum = s.status.maximumAvailable;
  const restoreRate = s.status.restoreRate;
  const available = s.othersInFlight === 0 ? s.status.currentlyAvailable : Math.min(next.available, s.status.currentlyAvailable);
  return { available: Math.min(maximum, available), maximum, restoreRate, at: now };
}
