import { parseMoney, ZERO } from '../money/decimal';
import type { PriceBreak } from '../carts/pricing';
import type { QuantityRule, QuotaRule, ValidationContext, ValidationLine } from '../validation/context';
import { decodeShard, tableKey, type TableKey } from './entryShards';
import { inputAlias, type CheckoutInput, type CheckoutLocationInput } from './checkoutInput';
import { unpackQuota, type LocationHeader, type OwnerRules } from './locationConstraints';
import { HEADER_VERSION, LOCATION_TABLES, shardKey, type LocationTable } from './metafieldKeys';
import { productKey, variantKey } from './scopeKeys';

/**
 * Builds, from the Function's input, the same ValidationContext the backend loads from
 * PostgreSQL — restricted to what checkout can see — so the same validator modules decide.
 * Pure. Only the table entries the cart's lines touch become rules.
 */
export class UnreadableConstraintsError extends Error {}

type Table = Map<TableKey, number[]>;

function readTable(location: CheckoutLocationInput, table: LocationTable, count: number): Table {
  const spec = LOCATION_TABLES[table];
  const out: Table = new Map();
  // Shards past the header's count are leftovers whose deletion has not landed yet.
  for (let i = 0; i < Math.min(count, spec.maxShards); i++) {
    const field = location[inputAlias(shardKey(table, i))];
    if (typeof field !== 'object' || field === null) throw new UnreadableConstraintsError(`${shardKey(table, i)} is missing`);
    for (const [key, values] of decodeShard(field.value, { prefix: spec.shardPrefix, width: spec.width })) out.set(key, values);
  }
  return out;
}

function readHeader(location: CheckoutLocationInput | undefined): LocationHeader | null {
  const raw = location?.constraints?.value;
  if (!raw) return null;
  const header = JSON.parse(raw) as LocationHeader;
  // A header from a newer encoding than this Function knows: its tables cannot be read.
  if (header.v !== HEADER_VERSION) throw new UnreadableConstraintsError(`header version ${header.v}`);
  return header;
}

const ownerRules = (raw: string | undefined): OwnerRules => (raw ? (JSON.parse(raw) as OwnerRules) : {});

const quantityRule = (scope: QuantityRule['scope'], [min, max, increment]: readonly number[]): QuantityRule => ({
  scope,
  min: min || null,
  max: max || null,
  increment: increment || null,
});

export function checkoutContext(input: CheckoutInput): ValidationContext {
  const location = input.cart.buyerIdentity?.purchasingCompany?.location;
  let header: LocationHeader | null;
  try {
    header = readHeader(location);
  } catch (err) {
    throw new UnreadableConstraintsError(err instanceof Error ? err.message : String(err));
  }
  const tables = {
    quota: header && location ? readTable(location, 'quota', header.q) : new Map(),
    qty: header && location ? readTable(location, 'qty', header.m) : new Map(),
    price: header && location ? readTable(location, 'price', header.p) : new Map(),
  } satisfies Record<LocationTable, Table>;

  const lines: ValidationLine[] = input.cart.lines.map((line, lineIndex) => {
    const m = line.merchandise;
    return {
      lineIndex,
      sku: null,
      variantId: m.id ?? null,
      quantity: line.quantity,
      // Price, stock and status are Shopify's business at checkout; the rules here need the IDs.
      variant: m.id && m.product ? { variantGid: m.id, productGid: m.product.id, sku: null, listPrice: ZERO, inventoryItemGid: null, productActive: true } : null,
    };
  });

  const locationRules: QuantityRule[] = [];
  const shopRules: QuantityRule[] = [];
  const quotas: QuotaRule[] = [];
  const negotiatedPrices = new Map<string, PriceBreak[]>();
  const priceRequired = new Set<string>();
  const seen = new Set<string>();
  input.cart.lines.forEach((line) => {
    const m = line.merchandise;
    if (!m.id || !m.product || seen.has(m.id)) return;
    seen.add(m.id);
    const scopes = [
      { scope: { type: 'variant' as const, gid: m.id }, key: variantKey(m.id), own: ownerRules(m.rules?.value) },
      { scope: { type: 'product' as const, gid: m.product.id }, key: productKey(m.product.id), own: ownerRules(m.product.rules?.value) },
    ];
    for (const { scope, key, own } of scopes) {
      if (scope.type === 'product' && seen.has(scope.gid)) continue;
      seen.add(scope.gid);
      const qty = tables.qty.get(tableKey(key));
      if (qty) locationRules.push(quantityRule(scope, qty));
      if (own.q) shopRules.push(quantityRule(scope, own.q));
      if (own.n) priceRequired.add(scope.gid);
      const quota = tables.quota.get(tableKey(key));
      if (quota) {
        const { remaining, period } = unpackQuota(quota[0]!);
        quotas.push({ scope, period, maxQuantity: remaining, used: 0 });
      }
    }
    const start = tables.price.get(tableKey(variantKey(m.id)));
    // The break's price does not matter to a rule that asks whether one applies.
    if (start) negotiatedPrices.set(m.id, [{ minQuantity: start[0]!, price: ZERO }]);
  });

  return {
    companyLocationGid: location?.id ?? '',
    lines,
    // The location's own rules first: the quantity rule picks the first that matches.
    quantityRules: [...locationRules, ...shopRules],
    quotas,
    negotiatedPrices,
    negotiatedPriceRequired: priceRequired,
    warehouses: null,
    stock: new Map(),
    currencyDigits: 2,
    creditLimit: header?.credit != null ? parseMoney(header.credit) : null,
    openBalance: ZERO,
    cartTotal: parseMoney(input.cart.cost.subtotalAmount.amount),
  };
}
