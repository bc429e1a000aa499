import { RESTORE_RATE, type Plan } from '../shop/plans';
import { ManualClock } from '../support/clock';
import { startHarness, type Harness } from '../testing/harness';

const TWELVE_POINTS = '{ productVariants(first: 10) { nodes { id } } }';

describe('throttling', () => {
  let h: Harness;
  let clock: ManualClock;
  afterEach(() => h.close());

  it('a request whose requested cost is not in the bucket is THROTTLED, not executed, and works once the bucket refills', async () => {
    clock = new ManualClock();
    h = await startHarness({ clock }, { plan: 'standard', bucketSize: 30 });
    expect((await h.gql(TWELVE_POINTS)).body.extensions.cost.throttleStatus.currentlyAvailable).toBe(18);
    expect((await h.gql(TWELVE_POINTS)).body.extensions.cost.throttleStatus.currentlyAvailable).toBe(6);

    const throttled = await h.gql(TWELVE_POINTS);
    expect(throttled.status).toBe(200);
    expect(throttled.body).toEqual({
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
      extensions: {
        cost: { requestedQueryCost: 12, actualQueryCost: null, throttleStatus: { maximumAvailable: 30, currentlyAvailable: 6, restoreRate: 100 } },
      },
    });

    // Standard restores 100 points/s: 60 ms later the 6 missing points are back.
    clock.advance(60);
    const retried = await h.gql(TWELVE_POINTS);
    expect(retried.body.data.productVariants.nodes).toHaveLength(10);
    expect(retried.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);
  });

  it('throttled answers can be HTTP 429 with Retry-After when configured so', async () => {
    clock = new ManualClock();
    h = await startHarness({ clock, throttledHttpStatus: 429 }, { plan: 'standard', bucketSize: 10 });
    const res = await h.gql(TWELVE_POINTS);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body.errors[0].extensions.code).toBe('THROTTLED');
  });

  it('after execution the difference between requested and actual cost is given back', async () => {
    clock = new ManualClock();
    h = await startHarness({ clock }, { plan: 'standard' });
    const res = await h.gql('{ draftOrders(first: 100) { nodes { id } } }');
    expect(res.body.extensions.cost).toEqual({
      requestedQueryCost: 102,
      actualQueryCost: 2,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1998, restoreRate: 100 },
    });
  });

  it('a query over 1,000 points is refused with MAX_COST_EXCEEDED, not executed and not charged', async () => {
    clock = new ManualClock();
    h = await startHarness({ clock }, { plan: 'standard' });
    const expensive = '{ productVariants(first: 250) { nodes { id product { variants(first: 5) { nodes { id } } } } } }';
    const cost = 2 + 250 * (1 + 1 + 2 + 5 * 1);
    const res = await h.gql(expensive);
    expect(res.status).toBe(200);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      {
        message: expect.stringMatching(new RegExp(`^Query cost is ${cost}, which exceeds the single query max cost limit \\(1000\\)\\.`)),
        extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: 1000 },
      },
    ]);
    expect(res.body.extensions.cost).toEqual({
      requestedQueryCost: cost,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 },
    });
  });

  it.each(Object.entries(RESTORE_RATE) as [Plan, number][])('an empty %s bucket refills at %s points per second', async (plan, rate) => {
    clock = new ManualClock();
    h = await startHarness({ clock }, { plan });
    await h.admin('PUT', '/_sim/shops/acme-wholesale.myshopify.com/throttle', { currentlyAvailable: 0 });
    clock.advance(1000);
    const res = await h.gql('{ shop { id } }');
    expect(res.body.extensions.cost.throttleStatus).toEqual({ maximumAvailable: rate * 20, currentlyAvailable: rate - 1, restoreRate: rate });
  });
});
