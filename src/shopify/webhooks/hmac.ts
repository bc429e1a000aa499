import { createHmac, timingSafeEqual } from 'node:crypto';

/** Base64 HMAC-SHA256 of the raw body, as Shopify puts in `X-Shopify-Hmac-Sha256`. */
export function signWebhookBody(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * True when `headerValue` is the HMAC of the raw bytes under any configured secret.
 * Several secrets are tried because Shopify may sign with the previous secret for up to
 * an hour after a rotation. Digests are compared in constant time; every secret is tried
 * so the time taken does not reveal which one matched.
 */
export function verifyWebhookHmac(rawBody: Buffer, headerValue: string, secrets: readonly string[]): boolean {
  const received = Buffer.from(headerValue, 'base64');
  // A SHA-256 digest is 32 bytes; anything else cannot match and timingSafeEqual would throw.
  if (received.length !== 32) return false;
  let matched = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    if (timingSafeEqual(expected, received)) matched = true;
  }
  return matched;
}

/** Constant-time comparison of two shared secrets of any length. */
export function secretsEqual(given: string, expected: string): boolean {
  // Hash both so lengths match and the comparison time does not leak the expected length.
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
}
