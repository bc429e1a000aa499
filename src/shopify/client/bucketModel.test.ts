import { initialBucket, refill, reserve, settle, type BucketState } from './bucketModel';

const bucket = (available: number, at = 0): BucketState => ({ available, maximum: 1_000, restoreRate: 100, at });

describe('refill', () => {
  it.each([
    { name: 'half a second at 100/s', from: 0, ms: 500, expected: 50 },
    { name: 'never past the maximum', from: 990, ms: 1_000, expected: 1_000 },
    { name: 'a clock going backwards adds nothing', from: 10, ms: -500, expected: 10 },
  ])('$name → $expected', ({ from, ms, expected }) => {
    expect(refill(bucket(from, 1_000), 1_000 + ms).available).toBeCloseTo(expected);
  });
});

describe('reserve', () => {
  it('takes the cost when the bucket holds it', () => {
    const r = reserve(bucket(300), 200, 0);
    expect(r).toEqual({ ok: true, state: expect.objectContaining({ available: 100 }) });
  });

  it('says how long until the bucket holds the cost, at the restore rate', () => {
    expect(reserve(bucket(50), 200, 0)).toEqual({ ok: false, waitMs: 1_500 });
  });

  it('caps a cost above the bucket size so the wait ends', () => {
    expect(reserve(bucket(1_000), 5_000, 0).ok).toBe(true);
  });
});

describe('settle', () => {
  const status = { maximumAvailable: 2_000, currentlyAvailable: 400, restoreRate: 200 };

  it('refunds what was reserved but not charged', () => {
    expect(settle(bucket(100), { reserved: 50, charged: 10, status: undefined, othersInFlight: 0 }, 0).available).toBe(140);
  });

  it("takes Shopify's figure and plan when nothing else of ours is in flight", () => {
    expect(settle(bucket(900), { reserved: 50, charged: 10, status, othersInFlight: 0 }, 0)).toEqual({ available: 400, maximum: 2_000, restoreRate: 200, at: 0 });
  });

  it("with our requests in flight, only lowers the estimate with Shopify's figure", () => {
    expect(settle(bucket(100), { reserved: 50, charged: 50, status, othersInFlight: 2 }, 0).available).toBe(100);
    expect(settle(bucket(900), { reserved: 50, charged: 50, status, othersInFlight: 2 }, 0).available).toBe(400);
  });

  it('a throttled request (charged 0) is refunded in full', () => {
    expect(settle(bucket(0), { reserved: 300, charged: 0, status: undefined, othersInFlight: 1 }, 0).available).toBe(300);
  });
});

it('starts a shop at the smallest plan until Shopify says otherwise', () => {
  expect(initialBucket(5)).toEqual({ available: 1_000, maximum: 1_000, restoreRate: 50, at: 5 });
});
