import { ConfigError } from '../errors';
import { deliverBatch } from './deliverQueued';
import { parseEdgeConfig, type EdgeConfig, type EdgeVars } from './edgeConfig';
import { createEdgeLog } from './edgeLog';
import { WEBHOOK_PATH, handleShopifyWebhook } from './handleWebhook';
import type { QueuedWebhook } from './queuedWebhook';
import { errorResponse } from './responses';
import type { ExecutionContext, MessageBatch, Queue } from './workerTypes';

/**
 * The Worker's entry. A module Worker may export only handlers, so everything else lives in
 * the modules it imports.
 */

/** The bindings wrangler.toml declares, plus the vars and secrets of EdgeVars. */
export interface EdgeEnv extends EdgeVars {
  WEBHOOK_QUEUE: Queue<QueuedWebhook>;
  DEAD_LETTER_QUEUE: Queue<unknown>;
}

// The Workers runtime collects stdout as the Worker's logs (Workers Logs / `wrangler tail`).
const log = createEdgeLog((line) => console.log(line));

/** Parsed once per isolate: env is the same object for every request an isolate serves. */
const configs = new WeakMap<object, EdgeConfig>();

function configOf(env: EdgeEnv): EdgeConfig {
  let config = configs.get(env);
  if (!config) {
    config = parseEdgeConfig(env);
    configs.set(env, config);
  }
  return config;
}

export default {
  async fetch(request: Request, env: EdgeEnv, _ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname !== WEBHOOK_PATH) return errorResponse(404, 'NOT_FOUND', `no route ${pathname}`);
    if (request.method !== 'POST') return errorResponse(405, 'METHOD_NOT_ALLOWED', 'use POST', { allow: 'POST' });
    let config: EdgeConfig;
    try {
      config = configOf(env);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      log.error({ event: 'config_invalid', reason: err.problems.join('; ') });
      // 5xx: Shopify keeps the event and retries while the configuration is fixed.
      return errorResponse(500, 'CONFIG_INVALID', 'the edge is misconfigured');
    }
    return handleShopifyWebhook(request, { config, queue: env.WEBHOOK_QUEUE, log });
  },

  async queue(batch: MessageBatch<unknown>, env: EdgeEnv, _ctx: ExecutionContext): Promise<void> {
    await deliverBatch(batch, { config: configOf(env), deadLetters: env.DEAD_LETTER_QUEUE, log });
  },
};
