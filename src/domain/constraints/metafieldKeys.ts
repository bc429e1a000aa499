/**
 * Where checkout finds each rule: the metafields the sync writes and the Function's input
 * query reads (extensions/cart-validation/src/cart_validations_generate_run.graphql — a test
 * checks the query asks for exactly these). A Function can only read metafields its query
 * names, so every table has a fixed number of shard keys.
 */
export const NAMESPACE = 'b2b';

/** On the CompanyLocation: the header (version, shard counts, remaining credit). */
export const HEADER_KEY = 'constraints';
/** On a Product or ProductVariant: its shop-wide rules. */
export const RULES_KEY = 'rules';

export const LOCATION_TABLES = {
  quota: { keyPrefix: 'quota_', shardPrefix: 'q1:', width: 1, maxShards: 8 },
  qty: { keyPrefix: 'qty_', shardPrefix: 'm1:', width: 3, maxShards: 2 },
  price: { keyPrefix: 'price_', shardPrefix: 'p1:', width: 1, maxShards: 2 },
} as const;

export type LocationTable = keyof typeof LOCATION_TABLES;

export const shardKey = (table: LocationTable, index: number) => `${LOCATION_TABLES[table].keyPrefix}${index}`;

/** Every key a company location may carry, header first. */
export const LOCATION_KEYS: readonly string[] = [
  HEADER_KEY,
  ...(Object.keys(LOCATION_TABLES) as LocationTable[]).flatMap((t) => Array.from({ length: LOCATION_TABLES[t].maxShards }, (_, i) => shardKey(t, i))),
];

/**
 * What one location's values may total. Shopify caps a Function's whole input at 128 KB;
 * this leaves the rest for the cart's own lines — 10,000 quota lines (~62 KB) fit, and
 * beside them a cart of a few hundred lines (checkoutInputSize.test.ts measures it).
 */
export const LOCATION_VALUES_MAX_BYTES = 72 * 1024;

export const HEADER_VERSION = 1;
