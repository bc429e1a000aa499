import pino, { type DestinationStream, type Logger } from 'pino';
import { requestLogFields } from './observability/requestContext';

export type { Logger };

const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-shopify-hmac-sha256', 'x-internal-auth', 'x-shopify-access-token'];

/**
 * Paths that may hold secrets. pino censors them before a line is written, so a
 * careless `log.info({ headers })` cannot leak an HMAC, a token or a password. Our own code
 * never logs headers or bodies; this is the net under that rule.
 */
const REDACT_PATHS = [
  'secret',
  'secrets',
  'password',
  'accessToken',
  'token',
  'authorization',
  'hmac',
  'apiSecret',
  'shopifyApiSecrets',
  'internalAuthSecret',
  'adminApiToken',
  ...SECRET_HEADERS.flatMap((h) => [`headers["${h}"]`, `req.headers["${h}"]`, `request.headers["${h}"]`, `*.headers["${h}"]`]),
  '*.secret',
  '*.secrets',
  '*.password',
  '*.accessToken',
  '*.token',
  '*.hmac',
  '*.authorization',
  '*.apiSecret',
  '*.shopifyApiSecrets',
  '*.internalAuthSecret',
  '*.adminApiToken',
];

/**
 * JSON lines with stable keys. Inside an API request every line also carries the request's
 * keys (requestId, webhookId, shop, workflowId) from its context, whoever writes it.
 * `destination` defaults to stdout; tests pass a file to read what was logged.
 */
export function createLogger(level: string, bindings: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'b2b-orchestrator', ...bindings },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: requestLogFields,
  };
  return destination ? pino(options, destination) : pino(options);
}
