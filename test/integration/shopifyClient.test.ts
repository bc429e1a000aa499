/**
 * The Admin client against the Shopify simulator over real HTTP: pacing under the cost
 * bucket, recovery when something else drains it, which failures are retried and which are
 * not, cancellation, and the per-shop concurrency limit shared through PostgreSQL.
 */
import type { Harness } from '../../sim/shopify/testing/harness';
import { TEST_SHOP } from '../../sim/shopify/testing/harness';
import {
  ShopifyAbortedError,
  ShopifyGraphQLError,
  ShopifyHttpError,
  ShopifyNetworkError,
  ShopifyRetriesExhaustedError,
  ShopifyUserErrorsError,
} from '../../src/shopify/client/errors';
import { createPgThrottleStore } from '../../src/shopify/client/pgThrottleStore';
import { createDb, createPool } from '../../src/db/client';
import { AdminOperations } from '../../src/shopify/operations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { VariantsPage, drainBucket, setFaults, shopState, shopStats, simClient, startSim } from '../helpers/shopifySim';

const VARIANT = 'gid://shopify/ProductVariant/45000000000001';
const draftInput = (variantId = VARIANT, lines = 1) => ({
  input: { lineItems: Array.from({ length: lines }, () => ({ variantId, quantity: 2 })), tags: ['client-test'] },
});

describe('pacing under the cost bucket', () => {
  let h: Harness;
  // Plus restores 1,000 points/s; a 1,000-point bucket makes 40 calls of 102 points outrun it.
  beforeAll(async () => {
    h = await startSim({ plan: 'plus', bucketSize: 1_000, catalog: { products: 100, variantsPerProduct: 5 } });
  });
  afterAll(() => h?.close());
  beforeEach(async () => {
    await h.admin('POST', '/_sim/reset', { shop: TEST_SHOP });
  });

  it('keeps steady load under the bucket: every call succeeds and Shopify never answers THROTTLED', async () => {
    const client = simClient(h);
    const calls = 40;
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: calls }, () => client.request(VariantsPage, { first: 100 })));
    const elapsed = Date.now() - started;

    expect(results.every((r) => r.data.productVariants.nodes.length === 100 && r.attempts === 1)).toBe(true);
    const stats = await shopStats(h);
    expect(stats).toMatchObject({ requests: calls, throttled: 0, executed: calls });
    // 40 × 102 points through a 1,000-point bucket at 1,000/s cannot take less than ~3.1 s:
    // the client waited for the bucket instead of firing everything at once.
    expect(elapsed).toBeGreaterThanOrEqual(((calls * 102 - 1_000) / 1_000) * 1000 * 0.9);
  });

  it('recovers when another caller drains the bucket, whatever HTTP status THROTTLED comes with', async () => {
    for (const status of [200, 429] as const) {
      await h.admin('POST', '/_sim/reset', { shop: TEST_SHOP });
      await h.admin('PUT', '/_sim/settings', { throttledHttpStatus: status });
      const client = simClient(h);
      // Teach the client the bucket, then empty it behind its back.
      await client.request(VariantsPage, { first: 100 });
      await drainBucket(h, 0);

      const results = await Promise.all(Array.from({ length: 8 }, () => client.request(VariantsPage, { first: 100 })));

      expect(results).toHaveLength(8);
      const stats = await shopStats(h);
      expect(stats.executed).toBe(9);
      // Only calls already in flight when the bucket emptied can meet THROTTLED; after the
      // first answer the client's model holds Shopify's figure and waits instead.
      expect(stats.throttled).toBeGreaterThan(0);
      expect(stats.throttled).toBeLessThanOrEqual(4);
    }
    await h.admin('PUT', '/_sim/settings', { throttledHttpStatus: 200 });
  });

  it('sends a query over the 1,000-point maximum once, and surfaces MAX_COST_EXCEEDED', async () => {
    const client = simClient(h);
    const error = await client.request(VariantsPage, { first: 250 * 4 + 1 }).catch((e: unknown) => e);
    // first > 250 is itself refused by Shopify's schema checks; whichever comes first, no retry.
    expect(error).toBeInstanceOf(ShopifyGraphQLError);
    expect((await shopStats(h)).requests).toBe(1);
  });
});

describe('failures: what is retried and what is not', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSim({ plan: 'plus', catalog: { products: 20, variantsPerProduct: 5 } });
  });
  afterAll(() => h?.close());
  beforeEach(async () => {
    await h.admin('POST', '/_sim/reset', { shop: TEST_SHOP });
    await setFaults(h, []);
  });

  it.each([500, 502, 503, 504])('retries a query after injected HTTP %i', async (httpStatus) => {
    await setFaults(h, [{ field: 'productVariants', effect: 'http', httpStatus, times: 2 }]);
    const result = await simClient(h).request(VariantsPage, { first: 5 });
    expect(result.attempts).toBe(3);
    expect(await shopStats(h)).toMatchObject({ requests: 3, executed: 1 });
  });

  it('retries a query after a Shopify INTERNAL_SERVER_ERROR', async () => {
    await setFaults(h, [{ field: 'productVariants', effect: 'error', times: 1 }]);
    const result = await simClient(h).request(VariantsPage, { first: 5 });
    expect(result.attempts).toBe(2);
  });

  it('retries a query that timed out', async () => {
    await setFaults(h, [{ field: 'productVariants', latencyMs: 1_500, times: 1 }]);
    const result = await simClient(h, { config: { requestTimeoutMs: 300 } }).request(VariantsPage, { first: 5 });
    expect(result.attempts).toBe(2);
  });

  it('gives up after the policy’s attempts with the last cause', async () => {
    await setFaults(h, [{ field: 'productVariants', effect: 'http', httpStatus: 503 }]);
    const error = await simClient(h).request(VariantsPage, { first: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyRetriesExhaustedError);
    expect(await shopStats(h)).toMatchObject({ requests: 6, executed: 0 });
  });

  it('retries a mutation on 502/503 (refused before it ran) but not on 500 (it may have run)', async () => {
    await setFaults(h, [{ field: 'draftOrderCreate', effect: 'http', httpStatus: 503, times: 1 }]);
    const created = await simClient(h).request(AdminOperations.draftOrderCreate, draftInput());
    expect(created.attempts).toBe(2);

    await setFaults(h, [{ field: 'draftOrderCreate', effect: 'http', httpStatus: 500, times: 1 }]);
    const error = await simClient(h).request(AdminOperations.draftOrderCreate, draftInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyHttpError);
    expect((await shopState(h)).draftOrders).toHaveLength(1);
  });

  it('never retries a mutation that returned userErrors, and reports them typed', async () => {
    const unknownVariant = await simClient(h)
      .request(AdminOperations.draftOrderCreate, draftInput('gid://shopify/ProductVariant/1'))
      .catch((e: unknown) => e);
    const tooManyLines = await simClient(h)
      .request(AdminOperations.draftOrderCreate, draftInput(VARIANT, 500))
      .catch((e: unknown) => e);

    for (const error of [unknownVariant, tooManyLines]) {
      expect(error).toBeInstanceOf(ShopifyUserErrorsError);
      expect((error as ShopifyUserErrorsError).userErrors.length).toBeGreaterThan(0);
    }
    expect(await shopStats(h)).toMatchObject({ requests: 2, executed: 2 });
    expect((await shopState(h)).draftOrders).toHaveLength(0);
  });

  it('returns userErrors instead of throwing when the caller asks for them', async () => {
    const result = await simClient(h).request(AdminOperations.draftOrderCreate, draftInput('gid://shopify/ProductVariant/1'), { allowUserErrors: true });
    expect(result.data.draftOrderCreate?.userErrors.length).toBeGreaterThan(0);
  });

  it('does not repeat a mutation whose response was lost after it was applied: the caller gets an ambiguous error', async () => {
    await setFaults(h, [{ field: 'draftOrderCreate', effect: 'drop', times: 1 }]);
    const error = await simClient(h).request(AdminOperations.draftOrderCreate, draftInput()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ShopifyNetworkError);
    expect((error as ShopifyNetworkError).ambiguous).toBe(true);
    // Shopify did create it: the draft-order workflow must look it up by tag, not create again.
    expect((await shopState(h)).draftOrders).toHaveLength(1);
    expect((await shopStats(h)).requests).toBe(1);
  });

  it('does not repeat a mutation that timed out, unless the caller declares it idempotent', async () => {
    await setFaults(h, [{ field: 'metafieldsSet', latencyMs: 800, times: 1 }]);
    const client = simClient(h, { config: { requestTimeoutMs: 300 } });
    const shopId = (await client.request(AdminOperations.shopIdentity, {})).data.shop.id;
    const metafields = { metafields: [{ ownerId: shopId, namespace: 'b2b', key: 'rules', type: 'json', value: '{"v":1}' }] };

    const error = await client.request(AdminOperations.metafieldsSet, metafields).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyNetworkError);

    await setFaults(h, [{ field: 'metafieldsSet', latencyMs: 800, times: 1 }]);
    // Setting the same value twice leaves the same state: safe to repeat.
    const result = await client.request(AdminOperations.metafieldsSet, metafields, { idempotent: true });
    expect(result.attempts).toBe(2);
  });

  it('stops at once when the caller aborts (a cancelled Temporal activity)', async () => {
    await setFaults(h, [{ field: 'productVariants', latencyMs: 5_000 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('activity cancelled')), 100);
    const started = Date.now();
    const error = await simClient(h).request(VariantsPage, { first: 5 }, { signal: controller.signal }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ShopifyAbortedError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('per-shop concurrency across processes', () => {
  let h: Harness;
  let database: TestDatabase;
  let otherPool: ReturnType<typeof createPool>;
  beforeAll(async () => {
    h = await startSim({ plan: 'plus', catalog: { products: 20, variantsPerProduct: 5 } });
    database = await createTestDatabase();
    otherPool = createPool(database.url, { max: 5 });
  });
  afterAll(async () => {
    await h?.close();
    await otherPool?.end();
    await database?.close();
  });

  it('never has more requests in flight at Shopify than the limit, whichever process sends them', async () => {
    // Two clients with their own pools and memory stand in for two worker processes;
    // PostgreSQL is all they share.
    const config = { maxConcurrencyPerShop: 2 };
    const a = simClient(h, { throttle: createPgThrottleStore(database.db), config });
    const b = simClient(h, { throttle: createPgThrottleStore(createDb(otherPool)), config });
    await setFaults(h, [{ field: 'productVariants', latencyMs: 150 }]);

    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).request(VariantsPage, { first: 5 })));

    const stats = await shopStats(h);
    expect(stats.executed).toBe(12);
    expect(stats.peakInFlight).toBe(2);
  });
});
