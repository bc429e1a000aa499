import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { shopifyApiBuckets, shopifyApiLeases } from '../../db/schema';
import { initialBucket, reserve, settle, type BucketState } from './bucketModel';
import { CONCURRENCY_RETRY_MS, type ThrottleStore } from './throttleStore';

/**
 * The throttle store for several worker processes. Each acquire and release is one short
 * transaction holding the shop's bucket row lock, so concurrent callers see each other's
 * reservations; the bucket arithmetic is the same pure model as in memory. Time comes from
 * the database's clock, so processes on machines with skewed clocks agree on refills.
 */
export function createPgThrottleStore(db: Db): ThrottleStore {
  /**
   * Locks (creating if needed) the shop's bucket row; returns it with the database's time,
   * read after the lock is held: a time taken before waiting for the lock would be stale,
   * and refilling from a stale time would promise points the shop does not have yet.
   */
  const lockBucket = async (tx: Tx, shop: string): Promise<{ bucket: BucketState; at: number }> => {
    const fresh = initialBucket(0);
    await tx
      .insert(shopifyApiBuckets)
      .values({ shop, available: fresh.available, maximum: fresh.maximum, restoreRate: fresh.restoreRate, at: sql`clock_timestamp()` })
      .onConflictDoNothing();
    const [row] = await tx.select().from(shopifyApiBuckets).where(eq(shopifyApiBuckets.shop, shop)).for('update');
    const [clock] = await tx.execute<{ ms: string }>(sql`SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms`).then((r) => r.rows);
    return { bucket: { available: row!.available, maximum: row!.maximum, restoreRate: row!.restoreRate, at: row!.at.getTime() }, at: Number(clock!.ms) };
  };
  const saveBucket = (tx: Tx, shop: string, s: BucketState) =>
    tx
      .update(shopifyApiBuckets)
      .set({ available: s.available, maximum: s.maximum, restoreRate: s.restoreRate, at: new Date(s.at) })
      .where(eq(shopifyApiBuckets.shop, shop));

  return {
    async acquire(shop, cost, limits) {
      return db.transaction(async (tx) => {
        const { bucket, at } = await lockBucket(tx, shop);
        await tx.delete(shopifyApiLeases).where(and(eq(shopifyApiLeases.shop, shop), lte(shopifyApiLeases.expiresAt, new Date(at))));
        const [held] = await tx.select({ n: count() }).from(shopifyApiLeases).where(eq(shopifyApiLeases.shop, shop));
        if ((held?.n ?? 0) >= limits.maxConcurrency) return { granted: false, retryInMs: CONCURRENCY_RETRY_MS, reason: 'concurrency' } as const;
        const result = reserve(bucket, cost, at);
        if (!result.ok) return { granted: false, retryInMs: result.waitMs, reason: 'cost' } as const;
        await saveBucket(tx, shop, result.state);
        const leaseId = randomUUID();
        await tx.insert(shopifyApiLeases).values({ leaseId, shop, cost, expiresAt: new Date(at + limits.leaseMs) });
        return { granted: true, leaseId } as const;
      });
    },
    async release(shop, leaseId, settlement) {
      await db.transaction(async (tx) => {
        const { bucket, at } = await lockBucket(tx, shop);
        await tx.delete(shopifyApiLeases).where(eq(shopifyApiLeases.leaseId, leaseId));
        const [others] = await tx
          .select({ n: count() })
          .from(shopifyApiLeases)
          .where(and(eq(shopifyApiLeases.shop, shop), ne(shopifyApiLeases.leaseId, leaseId), gt(shopifyApiLeases.expiresAt, new Date(at))));
        await saveBucket(tx, shop, settle(bucket, { ...settlement, othersInFlight: others?.n ?? 0 }, at));
      });
    },
  };
}
