import { parseMoney, formatMoney } from '../support/money';
import { catalogIndex } from './catalogIds';
import { productExists, variantExists, type CatalogVersion, type PriceOverride } from './catalogSpec';

/**
 * Changes an operator makes to a generated catalog (so that a second export differs from
 * the first). Returns a new version; the old one stays valid for exports that hold it.
 */
export interface CatalogChange {
  setPrices?: { variantId: string; price: string; compareAtPrice?: string | null }[];
  deleteProducts?: string[];
}

export type CatalogChangeResult = { ok: true; catalog: CatalogVersion } | { ok: false; problems: string[] };

export function applyCatalogChange(catalog: CatalogVersion, change: CatalogChange, now: number): CatalogChangeResult {
  const problems: string[] = [];
  const prices = new Map(catalog.prices);
  const deleted = new Set(catalog.deletedProducts);
  const touched = new Map(catalog.touched);
  const m = catalog.spec.variantsPerProduct;

  for (const [n, entry] of (change.setPrices ?? []).entries()) {
    const k = catalogIndex(entry.variantId, 'ProductVariant');
    const cents = parseMoney(entry.price);
    const compareCents = entry.compareAtPrice == null ? null : parseMoney(entry.compareAtPrice);
    if (k === undefined || !variantExists(catalog, k)) problems.push(`setPrices[${n}].variantId ${entry.variantId} is not in the catalog`);
    else if (cents === undefined || cents < 0) problems.push(`setPrices[${n}].price ${entry.price} is not a non-negative decimal`);
    else if (compareCents === undefined) problems.push(`setPrices[${n}].compareAtPrice ${entry.compareAtPrice} is not a decimal`);
    else {
      const override: PriceOverride = { price: formatMoney(cents), compareAtPrice: compareCents === null ? null : formatMoney(compareCents) };
      prices.set(k, override);
      touched.set(Math.floor(k / m), now);
    }
  }
  for (const [n, productId] of (change.deleteProducts ?? []).entries()) {
    const i = catalogIndex(productId, 'Product');
    if (i === undefined || !productExists(catalog, i)) problems.push(`deleteProducts[${n}] ${productId} is not in the catalog`);
    else {
      deleted.add(i);
      touched.set(i, now);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalog: { spec: catalog.spec, version: catalog.version + 1, prices, deletedProducts: deleted, touched } };
}
