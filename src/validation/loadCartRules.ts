import type { CartLine } from '../domain/carts/cartRequest';
import type { PriceBreak } from '../domain/carts/pricing';
import { candidateWarehouses, type Destination, type StockByItem, type WarehouseRoute } from '../domain/carts/routing';
import type { ValidationContext } from '../domain/validation/context';
import { add, currencyDigits } from '../domain/money/decimal';
import type { CatalogVariantRow, LocationSettings, RulesRepository } from '../repositories/rulesRepository';

export interface CartRulesInput {
  shop: string;
  companyLocationGid: string;
  /** The cart's ship-to country/province, when it gives one. */
  shippingAddress: { countryCode?: string; provinceCode?: string } | null;
  lines: readonly CartLine[];
  /** The shop's currency when the caller knows it; else as recorded for the shop. */
  currencyCode?: string | null;
  /** The cart group being prepared: its own reserved lines do not count against it. */
  groupId?: string;
}

/** Everything a cart is checked and priced against, from PostgreSQL only (never Shopify). */
export interface CartRules {
  validation: ValidationContext;
  catalog: CatalogVariantRow[];
  breaks: Map<string, PriceBreak[]>;
  stock: StockByItem;
  routes: WarehouseRoute[];
  destination: Destination;
  settings: LocationSettings;
}

/**
 * Loads a cart's rules with one batch of statements: the catalog lines first (they name
 * the variants, products and inventory items), then the rest in parallel.
 */
export async function loadCartRules(rules: RulesRepository, input: CartRulesInput): Promise<CartRules> {
  const skus = [...new Set(input.lines.flatMap((l) => (l.sku !== undefined ? [l.sku] : [])))];
  const gids = [...new Set(input.lines.flatMap((l) => (l.variantId !== undefined ? [l.variantId] : [])))];
  const catalog = await rules.catalogLines(input.shop, skus, gids);
  const variantGids = catalog.map((v) => v.variantGid);
  const productGids = [...new Set(catalog.map((v) => v.productGid))];
  const items = catalog.flatMap((v) => (v.inventoryItemGid ? [v.inventoryItemGid] : []));
  const scopes = [...variantGids, ...productGids];
  const address = input.shippingAddress;
  const [breaks, stock, routes, settings, quantityRules, quotas, priceRequired, destination, currency, pending] = await Promise.all([
    rules.negotiatedPrices(input.shop, input.companyLocationGid, variantGids),
    rules.stock(input.shop, items),
    rules.routes(input.shop),
    rules.locationSettings(input.shop, input.companyLocationGid),
    rules.quantityRules(input.shop, input.companyLocationGid, scopes),
    rules.quotas(input.shop, input.companyLocationGid, scopes, input.groupId ?? null),
    rules.negotiatedPriceRequired(input.shop, productGids),
    address?.countryCode ? Promise.resolve({ countryCode: address.countryCode, provinceCode: address.provinceCode ?? null }) : rules.locationDestination(input.shop, input.companyLocationGid),
    input.currencyCode !== undefined ? Promise.resolve(input.currencyCode) : rules.shopCurrency(input.shop),
    rules.pendingCartsTotal(input.shop, input.companyLocationGid, input.groupId ?? null),
  ]);
  const bySku = new Map(catalog.filter((v) => v.sku).map((v) => [v.sku!, v]));
  const byGid = new Map(catalog.map((v) => [v.variantGid, v]));
  const validation: ValidationContext = {
    companyLocationGid: input.companyLocationGid,
    lines: input.lines.map((l, lineIndex) => ({
      lineIndex,
      sku: l.sku ?? null,
      variantId: l.variantId ?? null,
      quantity: l.quantity,
      variant: (l.sku !== undefined ? bySku.get(l.sku) : byGid.get(l.variantId)) ?? null,
    })),
    quantityRules,
    quotas,
    negotiatedPrices: breaks,
    negotiatedPriceRequired: priceRequired,
    warehouses: candidateWarehouses(routes, destination, settings.allowedLocationGids ? new Set(settings.allowedLocationGids) : null),
    stock,
    currencyDigits: currencyDigits(currency),
    creditLimit: settings.creditLimit,
    // Carts still becoming orders count as owed already.
    openBalance: add(settings.openBalance, pending),
  };
  return { validation, catalog, breaks, stock, routes, destination, settings };
}
