import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths that may hold secrets. pino censors them before a line is written, so a
 * careless `log.info({ headers })` cannot leak an HMAC, a token or a password.
 */
const REDACT_PATHS = [
  'secret',
  'secrets',
  'password',
  'accessToken',
  'token',
  'authorization',
  'headers.authorization',
  'headers["x-shopify-hmac-sha256"]',
  'headers["x-internal-auth"]',
  'headers["x-shopify-access-token"]',
  'req.headers.authorization',
  'req.headers["x-shopify-hmac-sha256"]',
  'req.headers["x-internal-auth"]',
  'req.headers["x-shopify-access-token"]',
  '*.secret',
  '*.password',
  '*.accessToken',
  '*.token',
];

export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'b2b-orchestrator', ...bindings },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
