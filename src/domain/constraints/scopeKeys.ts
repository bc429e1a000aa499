import type { RuleScope } from '../validation/context';

/**
 * One integer per rule scope, so a variant's rule and its product's rule share a table:
 * the numeric ID doubled, plus one for a product. Shopify IDs are positive integers below
 * 2^63, so the key fits a varint of at most 10 bytes.
 */
export class ScopeKeyError extends Error {}

const GID = /^gid:\/\/shopify\/(ProductVariant|Product)\/(\d+)$/;

export function numericId(gid: string): bigint {
  const id = /\/(\d+)$/.exec(gid)?.[1];
  if (id === undefined) throw new ScopeKeyError(`${gid} is not a numeric Shopify GID`);
  return BigInt(id);
}

export function scopeKey(scope: RuleScope): bigint {
  const match = GID.exec(scope.gid);
  const expected = scope.type === 'variant' ? 'ProductVariant' : 'Product';
  if (!match || match[1] !== expected) throw new ScopeKeyError(`${scope.gid} is not a ${expected} GID`);
  return BigInt(match[2]!) * 2n + (scope.type === 'product' ? 1n : 0n);
}

export const variantKey = (variantGid: string) => scopeKey({ type: 'variant', gid: variantGid });
export const productKey = (productGid: string) => scopeKey({ type: 'product', gid: productGid });
