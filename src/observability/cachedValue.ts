/**
 * A value computed at most once per `ttlMs`, shared by concurrent callers: every gauge of a
 * scrape (and two Prometheus servers scraping at once) costs one round of queries.
 */
export function cachedValue<T>(load: () => Promise<T>, ttlMs: number, now: () => number = Date.now): () => Promise<T> {
  let value: { at: number; promise: Promise<T> } | undefined;
  return () => {
    const t = now();
    if (value && t - value.at < ttlMs) return value.promise;
    const promise = load();
    value = { at: t, promise };
    // A failed load is not cached: the next scrape tries again.
    promise.catch(() => {
      if (value?.promise === promise) value = undefined;
    });
    return promise;
  };
}
