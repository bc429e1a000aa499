import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const TEST_SECRET = 'test-shopify-secret';
export const TEST_SHOP = 'acme-wholesale.myshopify.com';

export interface WebhookRequest {
  headers: Record<string, string>;
  body: Buffer;
  webhookId: string;
}

export interface WebhookOptions {
  topic: string;
  payload: unknown;
  shop?: string;
  webhookId?: string;
  secret?: string;
  apiVersion?: string;
  triggeredAt?: string;
  eventId?: string;
  internalAuth?: string;
}

/**
 * A webhook as Shopify sends it. The HMAC is computed here with Node's crypto, not with
 * the code under test, so a bug in our signer cannot hide a bug in our verifier.
 */
export function signedWebhook(options: WebhookOptions): WebhookRequest {
  const body = Buffer.from(typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload));
  const webhookId = options.webhookId ?? randomUUID();
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Shopify-Topic': options.topic,
    'X-Shopify-Hmac-Sha256': createHmac('sha256', options.secret ?? TEST_SECRET).update(body).digest('base64'),
    'X-Shopify-Shop-Domain': options.shop ?? TEST_SHOP,
    'X-Shopify-API-Version': options.apiVersion ?? '2026-07',
    'X-Shopify-Webhook-Id': webhookId,
    'X-Shopify-Event-Id': options.eventId ?? randomUUID(),
    'X-Shopify-Triggered-At': options.triggeredAt ?? new Date().toISOString(),
  };
  if (options.internalAuth) headers['X-Internal-Auth'] = options.internalAuth;
  return { headers, body, webhookId };
}

export async function postWebhook(baseUrl: string, request: WebhookRequest): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${baseUrl}/webhooks/shopify`, { method: 'POST', headers: request.headers, body: request.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // leave as text
  }
  return { status: res.status, body, headers: res.headers };
}

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'webhooks');

/** A payload shaped as Shopify documents it for the topic (see fixtures/webhooks/SOURCES.md). */
export function fixture(topic: string): any {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${topic.replace('/', '__')}.json`), 'utf8'));
}
