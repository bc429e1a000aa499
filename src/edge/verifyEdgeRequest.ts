import { ShopifyWebhookHeader } from '../shopify/webhooks/headers';
import { parseWebhookHeaders, type WebhookMetadata } from '../shopify/webhooks/parseHeaders';
import type { EdgeConfig } from './edgeConfig';
import { verifyShopifyHmac } from './webCryptoHmac';

export type EdgeRejectCode = 'BODY_TOO_LARGE' | 'HMAC_MISSING' | 'HMAC_INVALID' | 'HEADERS_INVALID';

export type EdgeVerdict =
  | { valid: true; metadata: WebhookMetadata; rawBody: Uint8Array }
  | { valid: false; status: 400 | 401 | 413; code: EdgeRejectCode; reason: string };

/**
 * Decides whether a request is a genuine Shopify webhook, in the order that leaks least and
 * costs least: size, then authenticity (HMAC over the raw bytes), and only then the metadata
 * headers (with the origin's own parser), which a forger learns nothing about.
 */
export async function verifyEdgeRequest(request: Request, config: Pick<EdgeConfig, 'maxBodyBytes' | 'shopifySecrets'>): Promise<EdgeVerdict> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > config.maxBodyBytes) return tooLarge(config.maxBodyBytes);
  const rawBody = new Uint8Array(await request.arrayBuffer());
  // A chunked body declares no length; the runtime bounds it, this bounds it to ours.
  if (rawBody.length > config.maxBodyBytes) return tooLarge(config.maxBodyBytes);

  const hmac = request.headers.get(ShopifyWebhookHeader.Hmac);
  if (!hmac) return reject(401, 'HMAC_MISSING', `missing header ${ShopifyWebhookHeader.Hmac}`);
  if (!(await verifyShopifyHmac(rawBody, hmac, config.shopifySecrets))) {
    return reject(401, 'HMAC_INVALID', `${ShopifyWebhookHeader.Hmac} does not match the body`);
  }
  const headers = parseWebhookHeaders((name) => request.headers.get(name) ?? undefined);
  if (!headers.valid) return reject(400, 'HEADERS_INVALID', headers.reason);
  return { valid: true, metadata: headers.metadata, rawBody };
}

function tooLarge(limit: number): EdgeVerdict {
  return reject(413, 'BODY_TOO_LARGE', `body exceeds ${limit} bytes`);
}

function reject(status: 400 | 401 | 413, code: EdgeRejectCode, reason: string): EdgeVerdict {
  return { valid: false, status, code, reason };
}
