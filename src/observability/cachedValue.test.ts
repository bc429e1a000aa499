import { cachedValue } from './cachedValue';

describe('cachedValue', () => {
  it('loads once per window for concurrent and repeated callers, then again after it', async () => {
    let t = 0;
    let loads = 0;
    const read = cachedValue(async () => ++loads, 2_000, () => t);

    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    t = 1_999;
    expect(await read()).toBe(1);
    t = 2_000;
    expect(await read()).toBe(2);
  });

  it('does not keep a failed load: the next call tries again', async () => {
    let fail = true;
    const read = cachedValue(async () => {
      if (fail) throw new Error('database down');
      return 'ok';
    }, 60_000);

    await expect(read()).rejects.toThrow('database down');
    fail = false;
    expect(await read()).toBe('ok');
  });
});
