import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same cart gives the same text whatever the option order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The Idempotency-Key of a cart the CLI submits: a hash of everything it sends (file
 * content and options). Running the same command twice — a retry after a timeout, a
 * re-run of a script — gives the same group instead of a second order; any change to the
 * file or an option is a new cart.
 */
export function cartIdempotencyKey(body: Record<string, unknown>): string {
  return `cli-${createHash('sha256').update(canonical(body)).digest('hex')}`;
}
