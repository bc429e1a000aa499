import { ShopifyWebhookHeader } from '../shopify/webhooks/headers';

/** What the edge sends the origin: Shopify's metadata headers and the stripped body (signed when sent). */
export interface OutgoingWebhook {
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Shopify's headers the origin reads, minus the HMAC: the body changes, so the edge signs it anew. */
const FORWARDED_HEADERS = Object.values(ShopifyWebhookHeader).filter((name) => name !== ShopifyWebhookHeader.Hmac);

export function forwardedHeaders(incoming: Headers): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}
