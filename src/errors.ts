/**
 * One base class for every error we raise on purpose, with a subclass per kind
 * carrying the data a caller needs to act on it (status code, retry hint, ...).
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Configuration is invalid; `problems` names every bad or missing key. */
export class ConfigError extends AppError {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`, 'CONFIG_INVALID', { problems });
  }
}

/** A webhook payload that parses as JSON but lacks what a handler needs. Retrying cannot fix it. */
export class InvalidPayloadError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'PAYLOAD_INVALID', details);
  }
}

/** Neither PostgreSQL nor Temporal accepted the event: the caller must answer 503 so Shopify retries. */
export class IngestUnavailableError extends AppError {
  constructor(readonly causes: { postgres: string; temporal: string }) {
    super('Neither PostgreSQL nor Temporal could record the event', 'INGEST_UNAVAILABLE', causes);
  }
}

/**
 * A dependency the request needs is down; nothing was lost and the client should retry
 * (for carts: with the same Idempotency-Key). Answered 503 with Retry-After.
 */
export class DependencyUnavailableError extends AppError {
  constructor(message: string, code: string, details: Record<string, unknown> = {}) {
    super(message, code, details);
  }
}

/** A local dependency (embedded PostgreSQL, Temporal dev server, CLI binary) could not be provided. */
export class LocalStackError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'LOCAL_STACK', details);
  }
}

/**
 * A message safe to log or to store in workflow history. Query-builder errors (drizzle's
 * carry `query`) quote the SQL and its parameters, i.e. customer data; their driver cause
 * says what went wrong without them.
 */
export function errorMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  if ('query' in err && cause instanceof Error) return cause.message;
  return err.message;
}
