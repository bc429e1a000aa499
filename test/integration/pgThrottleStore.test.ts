/**
 * The PostgreSQL throttle store is what lets several worker processes share one shop's
 * cost bucket and concurrency limit. Two stores on separate connection pools stand in for
 * two processes.
 */
import { DEFAULT_BUCKET } from '../../src/shopify/client/bucketModel';
import { createPgThrottleStore } from '../../src/shopify/client/pgThrottleStore';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createDb, createPool } from '../../src/db/client';

let database: TestDatabase;
let otherPool: ReturnType<typeof createPool>;

beforeAll(async () => {
  database = await createTestDatabase();
  otherPool = createPool(database.url, { max: 5 });
});

afterAll(async () => {
  await otherPool?.end();
  await database?.close();
});

const limits = { maxConcurrency: 3, leaseMs: 60_000 };

it('never grants more concurrent leases for a shop than the limit, across processes', async () => {
  const a = createPgThrottleStore(database.db);
  const b = createPgThrottleStore(createDb(otherPool));
  const shop = 'concurrency.myshopify.com';

  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).acquire(shop, 1, limits)));

  expect(results.filter((r) => r.granted)).toHaveLength(3);
  expect(results.filter((r) => !r.granted).every((r) => !r.granted && r.reason === 'concurrency')).toBe(true);
  // Releasing one frees one slot, whichever process asks next.
  const granted = results.find((r) => r.granted)!;
  await a.release(shop, granted.granted ? granted.leaseId : '', { reserved: 1, charged: 1, status: undefined });
  expect((await b.acquire(shop, 1, limits)).granted).toBe(true);
  expect((await a.acquire(shop, 1, limits)).granted).toBe(false);
});

it("one process's reservations drain the bucket the other sees, and the wait follows the restore rate", async () => {
  const a = createPgThrottleStore(database.db);
  const b = createPgThrottleStore(createDb(otherPool));
  const shop = 'bucket.myshopify.com';
  const wide = { maxConcurrency: 100, leaseMs: 60_000 };

  // Until Shopify answers, the bucket is assumed to hold 1,000 points refilling 50/s.
  expect(DEFAULT_BUCKET).toEqual({ maximum: 1_000, restoreRate: 50 });
  expect((await a.acquire(shop, 600, wide)).granted).toBe(true);
  const second = await b.acquire(shop, 1_000, wide);

  expect(second.granted).toBe(false);
  // 400 left (plus a few ms of refill): 1,000 needs about 12 s more.
  expect(!second.granted && second.reason === 'cost' && second.retryInMs).toBeGreaterThan(11_500);
  expect(!second.granted && second.retryInMs).toBeLessThanOrEqual(12_000);
});

it("adopts Shopify's figure for the bucket when nothing else is in flight", async () => {
  const store = createPgThrottleStore(database.db);
  const shop = 'status.myshopify.com';
  const lease = await store.acquire(shop, 10, limits);
  await store.release(shop, lease.granted ? lease.leaseId : '', {
    reserved: 10,
    charged: 4,
    status: { maximumAvailable: 20_000, currentlyAvailable: 150, restoreRate: 1_000 },
  });

  const next = await store.acquire(shop, 5_000, limits);
  // Shopify said 150 left at 1,000/s: 5,000 points need about 4.85 s.
  expect(!next.granted && next.retryInMs).toBeGreaterThan(4_500);
  expect(!next.granted && next.retryInMs).toBeLessThan(4_900);
});

it('a lease left by a crashed process expires and frees its slot', async () => {
  const store = createPgThrottleStore(database.db);
  const shop = 'crash.myshopify.com';
  expect((await store.acquire(shop, 1, { maxConcurrency: 1, leaseMs: 200 })).granted).toBe(true);
  expect((await store.acquire(shop, 1, { maxConcurrency: 1, leaseMs: 200 })).granted).toBe(false);
  await new Promise((r) => setTimeout(r, 250));
  expect((await store.acquire(shop, 1, { maxConcurrency: 1, leaseMs: 200 })).granted).toBe(true);
});
