import { base64ToBytes, bytesToBase64 } from './base64';

type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const encoder = new TextEncoder();
/** Imported keys, per secret, for the life of the isolate: importKey is the costly step. */
const keys = new Map<string, Promise<HmacKey>>();

function hmacKey(secret: string): Promise<HmacKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

/**
 * True when `headerValue` is the base64 HMAC-SHA256 of the raw bytes under any configured
 * secret (several during a rotation: Shopify may sign with the old secret for up to an hour).
 * `crypto.subtle.verify` compares in constant time; every secret is tried, so the time taken
 * does not reveal which one matched.
 */
export async function verifyShopifyHmac(rawBody: Uint8Array, headerValue: string, secrets: readonly string[]): Promise<boolean> {
  const signature = base64ToBytes(headerValue.trim());
  // A SHA-256 digest is 32 bytes; anything else cannot match.
  if (!signature || signature.length !== 32) return false;
  const results = await Promise.all(
    secrets.map(async (secret) => crypto.subtle.verify('HMAC', await hmacKey(secret), signature, rawBody)),
  );
  return results.includes(true);
}

/** The `X-Shopify-Hmac-Sha256` value for `body`, as Shopify computes it. */
export async function signShopifyBody(body: Uint8Array, secret: string): Promise<string> {
  const digest = await crypto.subtle.sign('HMAC', await hmacKey(secret), body);
  return bytesToBase64(new Uint8Array(digest));
}
