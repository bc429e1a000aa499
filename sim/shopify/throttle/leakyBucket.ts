/**
 * Shopify's leaky bucket for one (app, shop) pair, seen from the points still available:
 * a request takes its requested cost up front, the bucket refills continuously at the
 * restore rate up to its size, and after execution the difference between requested and
 * actual cost is given back.
 * https://shopify.dev/docs/api/usage/limits#the-leaky-bucket-algorithm
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    readonly size: number,
    readonly restoreRate: number,
    now: number,
  ) {
    this.available = size;
    this.updatedAt = now;
  }

  /** Takes `cost` points if they are there; false (and nothing taken) otherwise. */
  tryTake(cost: number, now: number): boolean {
    this.refill(now);
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number, now: number): void {
    this.refill(now);
    this.available = Math.min(this.size, this.available + Math.max(0, points));
  }

  /** Empties the bucket to `points` (tests and the admin API use this to provoke throttling). */
  setAvailable(points: number, now: number): void {
    this.available = Math.max(0, Math.min(this.size, points));
    this.updatedAt = now;
  }

  status(now: number): ThrottleStatus {
    this.refill(now);
    return { maximumAvailable: this.size, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }

  /** Seconds until `cost` points are available (0 when they already are). */
  secondsUntil(cost: number, now: number): number {
    this.refill(now);
    return Math.max(0, (cost - this.available) / this.restoreRate);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.available = Math.min(this.size, this.available + elapsed * this.restoreRate);
    this.updatedAt = now;
  }
}
