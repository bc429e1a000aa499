import { retryDelaySeconds } from './backoff';

const policy = { baseSeconds: 2, maxSeconds: 300 };

describe('retryDelaySeconds', () => {
  it.each([
    [1, 1, 2],
    [2, 2, 4],
    [3, 4, 8],
    [8, 128, 256],
    [9, 150, 300],
    [100, 150, 300],
  ])('after attempt %p waits between %p and %p s', (attempts, low, high) => {
    expect(retryDelaySeconds(attempts, policy, () => 0)).toBe(low);
    expect(retryDelaySeconds(attempts, policy, () => 1)).toBe(high);
  });

  it('never waits less than a second', () => {
    expect(retryDelaySeconds(1, { baseSeconds: 1, maxSeconds: 1 }, () => 0)).toBe(1);
  });
});
