import { RETRY_DELAYS_MS, WEBHOOK_RETRIES, retryDelayMs } from './retrySchedule';

describe('webhook retry schedule', () => {
  it('retries 8 times, doubling, over exactly 4 hours', () => {
    expect(RETRY_DELAYS_MS).toHaveLength(WEBHOOK_RETRIES);
    expect(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0)).toBeCloseTo(4 * 3600 * 1000, 3);
    for (let k = 1; k < RETRY_DELAYS_MS.length; k += 1) expect(RETRY_DELAYS_MS[k]! / RETRY_DELAYS_MS[k - 1]!).toBeCloseTo(2);
  });

  it.each([
    [1, 1, RETRY_DELAYS_MS[0]],
    [8, 1, RETRY_DELAYS_MS[7]],
    [9, 1, undefined],
    [1, 0.001, RETRY_DELAYS_MS[0]! * 0.001],
  ])('after attempt %s at time scale %s the next attempt waits %s ms', (attempt, scale, expected) => {
    expect(retryDelayMs(attempt, scale)).toBe(expected);
  });
});
