/**
 * Time as the simulator sees it. Throttle refills, bulk timestamps and URL expiry read it,
 * so tests can move time instead of sleeping. Webhook retry timers run on real timers,
 * compressed by the time scale instead (they must fire without a test driving them).
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  constructor(private current = Date.parse('2026-07-01T12:00:00Z')) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
