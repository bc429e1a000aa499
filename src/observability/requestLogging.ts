import type { RequestHandler, Response } from 'express';
import type { Logger } from '../logger';
import { ShopifyWebhookHeader } from '../shopify/webhooks/headers';
import { runWithRequestContext, type RequestContext } from './requestContext';
import { REQUEST_ID_HEADER, requestIdFrom } from './requestId';

/** Probes and scrapes every few seconds would drown the log at info. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Webhook headers are not authenticated yet when logged; bound what an attacker can put in a line. */
const MAX_LOGGED_HEADER = 255;

/**
 * Gives every request an ID (the caller's if sane), echoes it in `X-Request-Id`, runs the
 * rest of the request inside its log context, and writes one line when the answer is sent:
 * method, path (never the query string: CSV carts carry fields there), status, duration and
 * the request's stable keys (requestId, webhookId, shop, workflowId). Headers and bodies are
 * never logged here.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const context: RequestContext = { requestId: requestIdFrom(req.get(REQUEST_ID_HEADER)) };
    if (req.path.startsWith('/webhooks/shopify')) {
      context.webhookId = bounded(req.get(ShopifyWebhookHeader.WebhookId));
      context.shop = bounded(req.get(ShopifyWebhookHeader.ShopDomain));
    }
    res.locals.requestContext = context;
    res.set(REQUEST_ID_HEADER, context.requestId);
    captureAnswer(res, context);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const level = QUIET_PATHS.has(req.path) ? 'debug' : res.statusCode >= 500 ? 'error' : 'info';
      logger[level](
        {
          ...definedOnly(context),
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 100) / 100,
        },
        'request completed',
      );
    });
    runWithRequestContext(context, next);
  };
}

/** The context of a request, as set by requestLogging (for middleware that runs after it). */
export function requestContextOf(res: Response): RequestContext | undefined {
  return res.locals.requestContext as RequestContext | undefined;
}

/**
 * Routes answer with JSON that already names what happened (`status`, `workflowId`,
 * `error.code`); reading it here keeps routes free of logging and metrics code.
 */
function captureAnswer(res: Response, context: RequestContext): void {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => {
    if (body !== null && typeof body === 'object') {
      const answer = body as { status?: unknown; workflowId?: unknown; error?: { code?: unknown } };
      if (typeof answer.workflowId === 'string') context.workflowId = answer.workflowId;
      if (typeof answer.status === 'string') context.outcome = answer.status;
      if (typeof answer.error?.code === 'string') context.errorCode = answer.error.code;
    }
    return json(body);
  };
}

function bounded(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value.slice(0, MAX_LOGGED_HEADER);
}

function definedOnly(context: RequestContext): Record<string, string> {
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
