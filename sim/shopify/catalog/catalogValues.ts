import { formatMoney } from '../support/money';
import { hash32 } from '../support/random';
import type { CatalogVersion } from './catalogSpec';

/**
 * The generated values of catalog objects, each a pure function of (seed, index). Kept
 * apart from the views so the bulk export and the GraphQL reads agree by construction.
 */
const ADJECTIVES = ['Industrial', 'Heavy-Duty', 'Compact', 'Premium', 'Bulk', 'Stainless', 'Recycled', 'Commercial'];
const NOUNS = ['Nitrile Gloves', 'Shelf Bracket', 'Cable Ties', 'Floor Cleaner', 'Paper Towels', 'Safety Goggles', 'Storage Bin', 'Shrink Wrap'];
const VENDORS = ['Acme Supply', 'Northwind Wholesale', 'Globex Industrial', 'Initech Goods'];
const TYPES = ['Consumables', 'Hardware', 'Cleaning', 'Packaging'];
const PACKS = [1, 6, 10, 12, 20, 24, 48, 100];
const EPOCH = Date.parse('2025-01-01T00:00:00Z');

const seedOf = (catalog: CatalogVersion): number => catalog.spec.seed;

export function productTitle(catalog: CatalogVersion, i: number): string {
  const h = hash32(seedOf(catalog), 1, i);
  return `${ADJECTIVES[h % ADJECTIVES.length]} ${NOUNS[(h >>> 8) % NOUNS.length]} ${i + 1}`;
}

export const productHandle = (catalog: CatalogVersion, i: number): string =>
  productTitle(catalog, i).toLowerCase().replace(/[^a-z0-9]+/g, '-');

export const productVendor = (catalog: CatalogVersion, i: number): string => VENDORS[hash32(seedOf(catalog), 2, i) % VENDORS.length]!;
export const productType = (catalog: CatalogVersion, i: number): string => TYPES[hash32(seedOf(catalog), 3, i) % TYPES.length]!;

export function productTags(catalog: CatalogVersion, i: number): string[] {
  const h = hash32(seedOf(catalog), 4, i);
  return h % 3 === 0 ? ['b2b', 'wholesale'] : ['b2b'];
}

export const productCreatedAt = (i: number): number => EPOCH + i * 60_000;
export const productUpdatedAt = (catalog: CatalogVersion, i: number): number => catalog.touched.get(i) ?? productCreatedAt(i);

export function variantTitle(catalog: CatalogVersion, k: number): string {
  if (catalog.spec.variantsPerProduct === 1) return 'Default Title';
  const j = k % catalog.spec.variantsPerProduct;
  return `Case of ${PACKS[j % PACKS.length]! * (1 + Math.floor(j / PACKS.length))}`;
}

export function variantSku(catalog: CatalogVersion, k: number): string {
  const m = catalog.spec.variantsPerProduct;
  return `SIM-${String(Math.floor(k / m)).padStart(7, '0')}-${String(k % m).padStart(3, '0')}`;
}

/** The global variant index a generated SKU names, or undefined. */
export function variantIndexOfSku(catalog: CatalogVersion, sku: string): number | undefined {
  const m = /^SIM-(\d{7,})-(\d{3,})$/.exec(sku);
  if (!m) return undefined;
  const i = Number(m[1]);
  const j = Number(m[2]);
  return j < catalog.spec.variantsPerProduct ? i * catalog.spec.variantsPerProduct + j : undefined;
}

export function variantPrice(catalog: CatalogVersion, k: number): { price: string; compareAtPrice: string | null } {
  const override = catalog.prices.get(k);
  if (override) return override;
  const h = hash32(seedOf(catalog), 5, k);
  const cents = 500 + (h % 99_500);
  const compareAtPrice = (h >>> 20) % 4 === 0 ? formatMoney(Math.round((cents * 5) / 4)) : null;
  return { price: formatMoney(cents), compareAtPrice };
}

export interface InventoryQuantities {
  available: number;
  committed: number;
  incoming: number;
  reserved: number;
  damaged: number;
  on_hand: number;
}

export function inventoryQuantities(catalog: CatalogVersion, k: number, location: number): InventoryQuantities {
  const h = hash32(seedOf(catalog), 6, k, location);
  const available = h % 240;
  const committed = (h >>> 12) % 12;
  return { available, committed, incoming: 0, reserved: 0, damaged: 0, on_hand: available + committed };
}

export const locationName = (k: number): string => (k === 0 ? 'Main Warehouse' : `Warehouse ${k + 1}`);

export function productMetafield(catalog: CatalogVersion, i: number, f: number): { namespace: string; key: string; type: string; value: string } {
  const h = hash32(seedOf(catalog), 7, i, f);
  if (f % 2 === 0) return { namespace: 'custom', key: f === 0 ? 'material' : `spec_${f}`, type: 'single_line_text_field', value: ['Steel', 'Nitrile', 'Polypropylene', 'Cotton'][h % 4]! };
  return { namespace: 'custom', key: `case_weight_${f}`, type: 'number_integer', value: String(h % 5000) };
}
