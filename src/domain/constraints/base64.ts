/**
 * Standard base64, written by hand rather than with Buffer: the checkout Function
 * (JavaScript compiled to Wasm by Shopify's toolchain) shares this code and has no Node
 * built-ins, and `atob`/`btoa` are not guaranteed there either.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INDEX: Record<string, number> = Object.fromEntries([...ALPHABET].map((c, i) => [c, i]));

export class Base64Error extends Error {}

/** Characters base64 writes for `bytes` bytes: 4 for every 3, rounded up. */
export const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

export function toBase64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? ALPHABET[n & 63]! : '=');
  }
  return out;
}

export function fromBase64(text: string): number[] {
  if (text.length % 4 !== 0) throw new Base64Error('not base64');
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const c0 = INDEX[text[i]!];
    const c1 = INDEX[text[i + 1]!];
    const c2 = text[i + 2] === '=' ? 0 : INDEX[text[i + 2]!];
    const c3 = text[i + 3] === '=' ? 0 : INDEX[text[i + 3]!];
    if (c0 === undefined || c1 === undefined || c2 === undefined || c3 === undefined) throw new Base64Error('not base64');
    const n = (c0 << 18) | (c1 << 12) | (c2 << 6) | c3;
    out.push((n >> 16) & 255);
    if (text[i + 2] !== '=') out.push((n >> 8) & 255);
    if (text[i + 3] !== '=') out.push(n & 255);
  }
  return out;
}
