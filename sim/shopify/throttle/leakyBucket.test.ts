import { RESTORE_RATE, defaultBucketSize, type Plan } from '../shop/plans';
import { LeakyBucket } from './leakyBucket';

describe('LeakyBucket', () => {
  it('refuses a cost above what is available and takes nothing', () => {
    const bucket = new LeakyBucket(100, 10, 0);
    expect(bucket.tryTake(60, 0)).toBe(true);
    expect(bucket.tryTake(60, 0)).toBe(false);
    expect(bucket.status(0).currentlyAvailable).toBe(40);
  });

  it.each(['standard', 'advanced', 'plus', 'enterprise'] as Plan[])(
    'refills continuously at the %s restore rate and never above the bucket size',
    (plan) => {
      const rate = RESTORE_RATE[plan];
      const bucket = new LeakyBucket(defaultBucketSize(plan), rate, 0);
      bucket.setAvailable(0, 0);
      expect(bucket.status(500).currentlyAvailable).toBe(rate / 2);
      expect(bucket.status(1000).currentlyAvailable).toBe(rate);
      expect(bucket.status(3_600_000).currentlyAvailable).toBe(defaultBucketSize(plan));
    },
  );

  it('gives back a refund without passing the bucket size', () => {
    const bucket = new LeakyBucket(100, 10, 0);
    bucket.tryTake(50, 0);
    bucket.refund(30, 0);
    expect(bucket.status(0).currentlyAvailable).toBe(80);
    bucket.refund(1000, 0);
    expect(bucket.status(0).currentlyAvailable).toBe(100);
  });

  it('says how long until a cost fits', () => {
    const bucket = new LeakyBucket(2000, 100, 0);
    bucket.setAvailable(0, 0);
    expect(bucket.secondsUntil(250, 0)).toBe(2.5);
  });
});
