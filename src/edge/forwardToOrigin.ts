import { INTERNAL_AUTH_HEADER, ShopifyWebhookHeader } from '../shopify/webhooks/headers';
import type { EdgeConfig } from './edgeConfig';
import type { OutgoingWebhook } from './outgoingWebhook';
import { signShopifyBody } from './webCryptoHmac';

/**
 * What the origin made of a forwarded webhook:
 * - `delivered`: recorded (accepted, duplicate or ignored) — the event is safe;
 * - `refused`: the origin says the event itself is bad; sending it again cannot help;
 * - `unavailable`: down, slow, failing, or misconfigured — the event must be kept and retried.
 */
export type ForwardOutcome =
  | { kind: 'delivered'; status: number; originStatus: string | undefined }
  | { kind: 'refused'; status: number; body: string }
  | { kind: 'unavailable'; reason: string };

/**
 * 400 (headers or body), 413 (too large), 415, 422 are about the event. Everything else,
 * including 401/403 (a secret out of step during a rotation or a deploy) and 404 (a route not
 * yet deployed), is about the origin and may pass; retrying is what keeps the event.
 */
const REFUSALS = new Set([400, 413, 415, 422]);

export function classifyOriginStatus(status: number): 'delivered' | 'refused' | 'unavailable' {
  if (status >= 200 && status < 300) return 'delivered';
  return REFUSALS.has(status) ? 'refused' : 'unavailable';
}

/** POSTs the webhook to the origin, signed with the current secret, giving up after `timeoutMs`. */
export async function forwardToOrigin(config: EdgeConfig, webhook: OutgoingWebhook, timeoutMs: number): Promise<ForwardOutcome> {
  const headers = {
    ...webhook.headers,
    'content-type': 'application/json',
    [ShopifyWebhookHeader.Hmac]: await signShopifyBody(webhook.body, config.shopifySecrets[0]!),
    [INTERNAL_AUTH_HEADER]: config.internalAuthSecret,
  };
  let status: number;
  let text: string;
  try {
    // The signal also bounds reading the answer: an origin that stalls mid-body is as slow as one that never answers.
    const response = await fetch(config.originUrl, { method: 'POST', headers, body: webhook.body, signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
    text = await response.text();
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return { kind: 'unavailable', reason: timedOut ? `no answer within ${timeoutMs} ms` : `unreachable: ${describe(err)}` };
  }
  switch (classifyOriginStatus(status)) {
    case 'delivered':
      return { kind: 'delivered', status, originStatus: originStatusOf(text) };
    case 'refused':
      return { kind: 'refused', status, body: text };
    case 'unavailable':
      return { kind: 'unavailable', reason: `origin answered ${status}` };
  }
}

/** The origin answers `{"status":"accepted"|"duplicate"|"ignored", ...}`. */
function originStatusOf(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { status?: unknown };
    return typeof parsed.status === 'string' ? parsed.status : undefined;
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
