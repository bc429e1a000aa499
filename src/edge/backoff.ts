import type { RetryPolicy } from './edgeConfig';

/**
 * Seconds before the queue redelivers a message that failed `attempts` times: exponential,
 * capped, with "equal jitter" (between half and all of the step) so messages queued together
 * during an outage do not all return to the origin in the same second.
 */
export function retryDelaySeconds(attempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const step = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** exponent);
  return Math.max(1, Math.round(step / 2 + (random() * step) / 2));
}
