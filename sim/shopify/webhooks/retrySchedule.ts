/**
 * Shopify retries a failed delivery 8 times over 4 hours with exponential back-off, with
 * the original payload (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism).
 * The exact delays are not published; these double each time and add up to exactly
 * 4 hours: 4h × 2^k / 255 for k = 0..7 (≈56 s, 1m53s, 3m46s, … 2h0m28s).
 * A time scale below 1 compresses them for tests (0.001 → the whole cycle in 14.4 s).
 */
export const WEBHOOK_RETRIES = 8;
const CYCLE_MS = 4 * 60 * 60 * 1000;

export const RETRY_DELAYS_MS: readonly number[] = Array.from({ length: WEBHOOK_RETRIES }, (_, k) => (CYCLE_MS * 2 ** k) / (2 ** WEBHOOK_RETRIES - 1));

/** The wait before attempt `attempt + 1`, or undefined when `attempt` was the last. */
export function retryDelayMs(attempt: number, timeScale: number): number | undefined {
  const delay = RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? undefined : delay * timeScale;
}
