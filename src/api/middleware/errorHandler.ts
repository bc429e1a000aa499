import type { ErrorRequestHandler } from 'express';
import { classifyDbError } from '../../db/errors';
import { AppError, DependencyUnavailableError, errorMessage, IngestUnavailableError } from '../../errors';
import { RejectedBodyError } from '../../ingest/webhookIngestor';
import type { Logger } from '../../logger';

/** Body-parser errors carry `type` and `status`; ours are AppErrors; anything else is a bug (500). */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'BODY_TOO_LARGE', message: `body exceeds ${(err as { limit?: number }).limit} bytes` } });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'BODY_NOT_JSON', message: 'request body is not valid JSON' } });
      return;
    }
    if (type === 'request.aborted' || type === 'entity.verify.failed' || type === 'request.size.invalid' || type === 'encoding.unsupported') {
      res.status(400).json({ error: { code: 'BODY_UNREADABLE', message: (err as Error).message } });
      return;
    }
    // Any other body-parser refusal (unsupported charset, too many parameters, …) is the client's.
    const status = (err as { status?: number; expose?: boolean }).status;
    if (type && typeof status === 'number' && status >= 400 && status < 500 && (err as { expose?: boolean }).expose) {
      res.status(status).json({ error: { code: `BODY_${type.toUpperCase().replace(/[^A-Z]+/g, '_')}`, message: (err as Error).message } });
      return;
    }
    if (err instanceof RejectedBodyError) {
      res.status(400).json({ error: { code: err.code, message: err.message } });
      return;
    }
    if (err instanceof IngestUnavailableError) {
      // 503 makes Shopify redeliver; nothing was recorded, so nothing is lost.
      logger.error({ path: req.path, causes: err.causes }, 'webhook not recorded: PostgreSQL and Temporal unavailable');
      res.status(503).set('Retry-After', '5').json({ error: { code: err.code, message: err.message } });
      return;
    }
    if (err instanceof DependencyUnavailableError) {
      logger.warn({ path: req.path, code: err.code, err: err.message }, 'dependency unavailable');
      res.status(503).set('Retry-After', '5').json({ error: { code: err.code, message: err.message }, ...err.details });
      return;
    }
    if (err instanceof AppError) {
      logger.error({ path: req.path, code: err.code, err: err.message }, 'request failed');
      res.status(500).json({ error: { code: err.code, message: err.message } });
      return;
    }
    if (isDatabaseUnavailable(err)) {
      // Down or saturated (no connection within the pool's timeout): busy, not broken — the
      // caller may retry, so say so rather than answer 500.
      logger.warn({ path: req.path, err: errorMessage(err) }, 'database unavailable');
      res.status(503).set('Retry-After', '5').json({ error: { code: 'DATABASE_UNAVAILABLE', message: 'PostgreSQL is unavailable or saturated; retry' } });
      return;
    }
    logger.error({ path: req.path, err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, 'unexpected error');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } });
  };
}

/**
 * A query that failed for want of a database: drizzle's wrapper around a driver error that
 * carries a transient SQLSTATE, or none at all (refused, reset, connection timeout).
 */
function isDatabaseUnavailable(err: unknown): boolean {
  const cause = (err as { cause?: unknown } | null)?.cause;
  const fromDriver = err instanceof Error && err.message.startsWith('Failed query:') && cause instanceof Error;
  return fromDriver && classifyDbError(cause) === 'unavailable';
}
