import { randomUUID } from 'node:crypto';
import { initialBucket, reserve, settle, type BucketState, type Settlement } from './bucketModel';

export interface AcquireLimits {
  /** Requests in flight for one shop, across every process sharing the store. */
  maxConcurrency: number;
  /** A lease outliving its holder (a crashed process) frees its slot after this long. */
  leaseMs: number;
}

export type Acquired = { granted: true; leaseId: string } | { granted: false; retryInMs: number; reason: 'cost' | 'concurrency' };

/**
 * Where per-shop rate-limit state lives. In memory for one process; PostgreSQL when
 * several worker processes call the same shop, so they share one bucket and one
 * concurrency limit (Temporal has no per-key concurrency limit of its own).
 */
export interface ThrottleStore {
  acquire(shop: string, cost: number, limits: AcquireLimits): Promise<Acquired>;
  release(shop: string, leaseId: string, settlement: Omit<Settlement, 'othersInFlight'>): Promise<void>;
}

/** How long to wait for a free slot before asking again. */
export const CONCURRENCY_RETRY_MS = 25;

/** Single-process store: the same model, kept in a Map. */
export function createMemoryThrottleStore(now: () => number = Date.now): ThrottleStore {
  const buckets = new Map<string, BucketState>();
  const leases = new Map<string, Map<string, number>>(); // shop → leaseId → expiry

  const active = (shop: string, at: number) => {
    const map = leases.get(shop) ?? new Map<string, number>();
    for (const [id, expiry] of map) if (expiry <= at) map.delete(id);
    leases.set(shop, map);
    return map;
  };

  return {
    async acquire(shop, cost, limits) {
      const at = now();
      const held = active(shop, at);
      if (held.size >= limits.maxConcurrency) return { granted: false, retryInMs: CONCURRENCY_RETRY_MS, reason: 'concurrency' };
      const result = reserve(buckets.get(shop) ?? initialBucket(at), cost, at);
      if (!result.ok) return { granted: false, retryInMs: result.waitMs, reason: 'cost' };
      buckets.set(shop, result.state);
      const leaseId = randomUUID();
      held.set(leaseId, at + limits.leaseMs);
      return { granted: true, leaseId };
    },
    async release(shop, leaseId, settlement) {
      const at = now();
      const held = active(shop, at);
      held.delete(leaseId);
      const state = buckets.get(shop) ?? initialBucket(at);
      buckets.set(shop, settle(state, { ...settlement, othersInFlight: held.size }, at));
    },
  };
}
