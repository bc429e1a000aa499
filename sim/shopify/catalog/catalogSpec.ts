/**
 * What a shop's generated catalog looks like, and the small set of changes made to it since.
 * The catalog itself is never stored: every product, variant, inventory level and metafield
 * is a pure function of (spec, index), so a catalog of millions of variants costs nothing
 * until something reads it, and then only what is read. Changes (new prices, deleted
 * products) are kept as small override maps in an immutable version; a bulk export keeps
 * the version it started from, as Shopify's export is a snapshot.
 */
export interface CatalogSpec {
  products: number;
  variantsPerProduct: number;
  locations: number;
  metafieldsPerProduct: number;
  seed: number;
  currencyCode: string;
}

export interface PriceOverride {
  price: string;
  compareAtPrice: string | null;
}

export interface CatalogVersion {
  readonly spec: CatalogSpec;
  readonly version: number;
  /** By global variant index (product index × variantsPerProduct + variant index). */
  readonly prices: ReadonlyMap<number, PriceOverride>;
  readonly deletedProducts: ReadonlySet<number>;
  /** Product index → last change time (ms), for `updatedAt`. */
  readonly touched: ReadonlyMap<number, number>;
}

export const DEFAULT_CATALOG: Omit<CatalogSpec, 'currencyCode'> = {
  products: 20,
  variantsPerProduct: 3,
  locations: 2,
  metafieldsPerProduct: 1,
  seed: 1,
};

export function initialCatalog(spec: CatalogSpec): CatalogVersion {
  return { spec, version: 1, prices: new Map(), deletedProducts: new Set(), touched: new Map() };
}

export const variantCount = (spec: CatalogSpec): number => spec.products * spec.variantsPerProduct;

export function productExists(catalog: CatalogVersion, productIndex: number): boolean {
  return Number.isInteger(productIndex) && productIndex >= 0 && productIndex < catalog.spec.products && !catalog.deletedProducts.has(productIndex);
}

export function variantExists(catalog: CatalogVersion, variantIndex: number): boolean {
  const { variantsPerProduct } = catalog.spec;
  return Number.isInteger(variantIndex) && variantIndex >= 0 && variantIndex < variantCount(catalog.spec) && productExists(catalog, Math.floor(variantIndex / variantsPerProduct));
}
