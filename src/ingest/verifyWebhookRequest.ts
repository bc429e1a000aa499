import { INTERNAL_AUTH_HEADER, ShopifyWebhookHeader } from '../shopify/webhooks/headers';
import { secretsEqual, verifyWebhookHmac } from '../shopify/webhooks/hmac';
import { parseWebhookHeaders, type WebhookMetadata } from '../shopify/webhooks/parseHeaders';

export interface VerifyConfig {
  shopifyApiSecrets: readonly string[];
  internalAuthSecret: string | undefined;
}

export type RejectCode =
  | 'INTERNAL_AUTH_MISSING'
  | 'INTERNAL_AUTH_INVALID'
  | 'HMAC_MISSING'
  | 'HMAC_INVALID'
  | 'HEADERS_INVALID';

export type VerifyResult =
  | { valid: true; metadata: WebhookMetadata }
  | { valid: false; status: 400 | 401 | 403; code: RejectCode; reason: string };

/**
 * Decides whether a webhook request may be recorded, in the order that leaks least:
 * caller (internal auth), then authenticity (HMAC over the raw bytes), and only then the
 * metadata headers, which an unauthenticated caller learns nothing about. Whether the body
 * is a JSON object is decided where it is stored (see webhookIngestor.ts).
 */
export function verifyWebhookRequest(
  config: VerifyConfig,
  getHeader: (name: string) => string | undefined,
  rawBody: Buffer,
): VerifyResult {
  if (config.internalAuthSecret !== undefined) {
    const given = getHeader(INTERNAL_AUTH_HEADER);
    if (!given) return reject(403, 'INTERNAL_AUTH_MISSING', `missing header ${INTERNAL_AUTH_HEADER}`);
    if (!secretsEqual(given, config.internalAuthSecret)) {
      return reject(403, 'INTERNAL_AUTH_INVALID', `header ${INTERNAL_AUTH_HEADER} does not match`);
    }
  }
  const hmac = getHeader(ShopifyWebhookHeader.Hmac);
  if (!hmac) return reject(401, 'HMAC_MISSING', `missing header ${ShopifyWebhookHeader.Hmac}`);
  if (!verifyWebhookHmac(rawBody, hmac, config.shopifyApiSecrets)) {
    return reject(401, 'HMAC_INVALID', `${ShopifyWebhookHeader.Hmac} does not match the body`);
  }
  const headers = parseWebhookHeaders(getHeader);
  if (!headers.valid) return reject(400, 'HEADERS_INVALID', headers.reason);
  return { valid: true, metadata: headers.metadata };
}

function reject(status: 400 | 401 | 403, code: RejectCode, reason: string): VerifyResult {
  return { valid: false, status, code, reason };
}
