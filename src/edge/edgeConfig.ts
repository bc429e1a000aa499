import { z } from 'zod';
import { ConfigError } from '../errors';
import { TOPIC_PAYLOAD_FIELDS } from '../shopify/payloads/payloadFields';
import { normalizeShopDomain } from '../shopify/shopDomain';

/** The Worker's vars and secrets (wrangler.toml `[vars]`, `wrangler secret put`). */
export interface EdgeVars {
  ORIGIN_URL?: unknown;
  SHOPIFY_API_SECRET?: unknown;
  INTERNAL_AUTH_SECRET?: unknown;
  ALLOWED_SHOPS?: unknown;
  ALLOWED_TOPICS?: unknown;
  MAX_BODY_BYTES?: unknown;
  FORWARD_TIMEOUT_MS?: unknown;
  DELIVERY_TIMEOUT_MS?: unknown;
  RETRY_BASE_SECONDS?: unknown;
  RETRY_MAX_SECONDS?: unknown;
}

export interface RetryPolicy {
  baseSeconds: number;
  maxSeconds: number;
}

export interface EdgeConfig {
  /** The origin's webhook endpoint, e.g. `https://api.example.com/webhooks/shopify`. */
  originUrl: string;
  /** The first signs what the edge forwards; all are accepted from Shopify (rotation). */
  shopifySecrets: readonly string[];
  internalAuthSecret: string;
  /** `all` only when configured as `*`: an allowlist is opt-out, not forgotten. */
  allowedShops: 'all' | ReadonlySet<string>;
  allowedTopics: ReadonlySet<string>;
  maxBodyBytes: number;
  /** Wait for the origin this long on the request path; Shopify gives up after about 5 s. */
  forwardTimeoutMs: number;
  /** The queue consumer has no Shopify clock, so it may wait longer. */
  deliveryTimeoutMs: number;
  retry: RetryPolicy;
}

const text = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1, 'is required'));
const list = text.transform((s) => s.split(',').map((part) => part.trim()).filter((part) => part.length > 0));
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const varsSchema = z.object({
  ORIGIN_URL: text.pipe(z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')),
  SHOPIFY_API_SECRET: list.pipe(z.array(z.string()).min(1, 'needs at least one secret')),
  INTERNAL_AUTH_SECRET: text,
  ALLOWED_SHOPS: list,
  ALLOWED_TOPICS: list.optional(),
  MAX_BODY_BYTES: int(1024, 100 * 1024 * 1024, 5 * 1024 * 1024),
  FORWARD_TIMEOUT_MS: int(100, 4_000, 2_500),
  DELIVERY_TIMEOUT_MS: int(100, 60_000, 15_000),
  RETRY_BASE_SECONDS: int(1, 3_600, 2),
  RETRY_MAX_SECONDS: int(1, 43_200, 300),
});

/**
 * Parses the Worker's environment once, naming every missing or invalid key in one error.
 * Messages name keys, never values: some are secrets.
 */
export function parseEdgeConfig(vars: EdgeVars): EdgeConfig {
  const parsed = varsSchema.safeParse(vars);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const v = parsed.data;
  const problems: string[] = [];
  const allowedShops = v.ALLOWED_SHOPS.includes('*') ? 'all' : new Set<string>();
  if (allowedShops !== 'all') {
    for (const shop of v.ALLOWED_SHOPS) {
      const domain = normalizeShopDomain(shop);
      if (domain) allowedShops.add(domain);
      else problems.push(`ALLOWED_SHOPS: "${shop}" is not a *.myshopify.com domain`);
    }
  }
  const topics = v.ALLOWED_TOPICS ?? [...TOPIC_PAYLOAD_FIELDS.keys()];
  // A topic the origin does not handle would only be recorded as ignored there.
  const unhandled = topics.filter((topic) => !TOPIC_PAYLOAD_FIELDS.has(topic));
  if (unhandled.length > 0) problems.push(`ALLOWED_TOPICS: the origin handles no ${unhandled.join(', ')}`);
  if (v.RETRY_MAX_SECONDS < v.RETRY_BASE_SECONDS) problems.push('RETRY_MAX_SECONDS: must be at least RETRY_BASE_SECONDS');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    originUrl: v.ORIGIN_URL,
    shopifySecrets: v.SHOPIFY_API_SECRET,
    internalAuthSecret: v.INTERNAL_AUTH_SECRET,
    allowedShops,
    allowedTopics: new Set(topics),
    maxBodyBytes: v.MAX_BODY_BYTES,
    forwardTimeoutMs: v.FORWARD_TIMEOUT_MS,
    deliveryTimeoutMs: v.DELIVERY_TIMEOUT_MS,
    retry: { baseSeconds: v.RETRY_BASE_SECONDS, maxSeconds: v.RETRY_MAX_SECONDS },
  };
}
