import { normalizeShopDomain } from '../shopDomain';
import { ShopifyWebhookHeader as H } from './headers';

export interface WebhookMetadata {
  topic: string;
  shop: string;
  webhookId: string;
  apiVersion: string;
  eventId: string | undefined;
  triggeredAt: Date | undefined;
}

export type HeaderParseResult =
  | { valid: true; metadata: WebhookMetadata }
  | { valid: false; reason: string; missing: string[]; malformed: string[] };

const REQUIRED = [H.Topic, H.ShopDomain, H.WebhookId, H.ApiVersion] as const;

/** Topics are `resource/event`, lower-case with underscores (e.g. `company_locations/update`). */
const TOPIC = /^[a-z0-9_]+(\/[a-z0-9_]+)+$/;
/** Shopify's IDs are UUIDs; we also accept other safe tokens because they become workflow IDs. */
const WEBHOOK_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const API_VERSION = /^(\d{4}-\d{2}|unstable)$/;

type HeaderGetter = (name: string) => string | undefined;

/**
 * Validates the metadata headers Shopify's own library requires on a webhook. Untrusted
 * input is answered with `{ valid: false, reason }`, never an exception.
 */
export function parseWebhookHeaders(get: HeaderGetter): HeaderParseResult {
  const missing = REQUIRED.filter((name) => !get(name)?.trim());
  const malformed: string[] = [];
  const topic = get(H.Topic)?.trim() ?? '';
  const rawShop = get(H.ShopDomain) ?? '';
  const webhookId = get(H.WebhookId)?.trim() ?? '';
  const apiVersion = get(H.ApiVersion)?.trim() ?? '';
  const eventId = get(H.EventId)?.trim() || undefined;
  const rawTriggeredAt = get(H.TriggeredAt)?.trim() || undefined;

  if (topic && !TOPIC.test(topic)) malformed.push(H.Topic);
  const shop = rawShop ? normalizeShopDomain(rawShop) : undefined;
  if (rawShop.trim() && !shop) malformed.push(H.ShopDomain);
  if (webhookId && !WEBHOOK_ID.test(webhookId)) malformed.push(H.WebhookId);
  if (apiVersion && !API_VERSION.test(apiVersion)) malformed.push(H.ApiVersion);
  const triggeredAt = rawTriggeredAt ? new Date(rawTriggeredAt) : undefined;
  if (triggeredAt && Number.isNaN(triggeredAt.getTime())) malformed.push(H.TriggeredAt);
  if (eventId && eventId.length > 200) malformed.push(H.EventId);

  if (missing.length > 0 || malformed.length > 0) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`missing header(s): ${missing.join(', ')}`);
    if (malformed.length > 0) parts.push(`malformed header(s): ${malformed.join(', ')}`);
    return { valid: false, reason: parts.join('; '), missing: [...missing], malformed };
  }
  return {
    valid: true,
    metadata: { topic, shop: shop!, webhookId, apiVersion, eventId, triggeredAt },
  };
}
