import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What an API log line should say about the request it was written for. The logger reads
 * it through a pino mixin, so lines written deep inside a request (the ingestor's fallback
 * warning, the error handler) carry the request ID without every function passing it on.
 */
export interface RequestContext {
  requestId: string;
  webhookId?: string;
  shop?: string;
  workflowId?: string;
  /** The `error.code` of a refusal, as answered. */
  errorCode?: string;
  /** The `status` of a JSON answer (`accepted`, `duplicate`, …). */
  outcome?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The stable log keys of the current request, for pino's mixin; empty outside a request. */
export function requestLogFields(): Record<string, string> {
  const context = storage.getStore();
  if (!context) return {};
  const fields: Record<string, string> = { requestId: context.requestId };
  if (context.webhookId) fields.webhookId = context.webhookId;
  if (context.shop) fields.shop = context.shop;
  if (context.workflowId) fields.workflowId = context.workflowId;
  return fields;
}
