/**
 * The headers Shopify sends with a webhook, lower-cased as Node exposes them.
 * https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook
 */
export const ShopifyWebhookHeader = {
  Topic: 'x-shopify-topic',
  Hmac: 'x-shopify-hmac-sha256',
  ShopDomain: 'x-shopify-shop-domain',
  ApiVersion: 'x-shopify-api-version',
  WebhookId: 'x-shopify-webhook-id',
  EventId: 'x-shopify-event-id',
  TriggeredAt: 'x-shopify-triggered-at',
} as const;

/** Set by our edge layer (or a trusted proxy) when INTERNAL_AUTH_SECRET is configured. */
export const INTERNAL_AUTH_HEADER = 'x-internal-auth';
