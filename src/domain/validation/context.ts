import type { Money } from '../money/decimal';
import type { PriceBreak } from '../carts/pricing';
import type { StockByItem } from '../carts/routing';

/**
 * Everything the cart validators look at, loaded by one batch of queries (the backend) or
 * built from a Function's input (checkout). Plain data: validators are pure functions of it.
 */
export interface CatalogLine {
  variantGid: string;
  productGid: string;
  sku: string | null;
  listPrice: Money;
  inventoryItemGid: string | null;
  productActive: boolean;
}

export interface ValidationLine {
  lineIndex: number;
  /** As the buyer gave it: a SKU, or the variant GID. */
  sku: string | null;
  variantId: string | null;
  quantity: number;
  /** The catalog's variant, or null when the line names none. */
  variant: CatalogLine | null;
}

export type RuleScope = { type: 'variant' | 'product'; gid: string };

export interface QuantityRule {
  scope: RuleScope;
  min: number | null;
  max: number | null;
  /** Case pack: the quantity must be a multiple of this. */
  increment: number | null;
}

export interface QuotaRule {
  scope: RuleScope;
  period: 'day' | 'week' | 'month' | 'quarter' | 'year';
  maxQuantity: number;
  /** Already ordered in the current period (order history). */
  used: number;
}

export interface ValidationContext {
  companyLocationGid: string;
  lines: readonly ValidationLine[];
  quantityRules: readonly QuantityRule[];
  quotas: readonly QuotaRule[];
  /** Negotiated price breaks of the company location, by variant GID. */
  negotiatedPrices: ReadonlyMap<string, readonly PriceBreak[]>;
  /** Products (GIDs) that may only be bought at a negotiated price. */
  negotiatedPriceRequired: ReadonlySet<string>;
  /**
   * Warehouses the cart may ship from, in routing order (routing.candidateWarehouses): the
   * destination's route within the location's allowed ones; null when no warehouse rule applies.
   */
  warehouses: readonly string[] | null;
  stock: StockByItem;
  /** The shop currency's decimal places: prices are rounded to them, as Shopify charges. */
  currencyDigits: number;
  /** null: no credit limit. */
  creditLimit: Money | null;
  openBalance: Money;
  /**
   * What the cart costs as Shopify prices it, when known (checkout gives its subtotal);
   * otherwise the credit rule prices the lines itself at the negotiated prices.
   */
  cartTotal?: Money;
}

export interface ValidationError {
  code: string;
  validator: string;
  /** The cart line, or null for a cart-wide error (credit limit). */
  lineIndex: number | null;
  sku: string | null;
  message: string;
  details: Record<string, unknown>;
}

/** One rule. A new rule is a new module exporting one of these, listed in validators/index.ts. */
export interface Validator {
  name: string;
  /**
   * Whether checkout's Validation Function runs it too. Rules over data checkout cannot
   * see (our catalog, warehouse stock) stay on the backend; Shopify itself refuses unknown
   * or unsellable variants and routes inventory at checkout.
   */
  atCheckout: boolean;
  validate(ctx: ValidationContext): ValidationError[];
}

export const lineSku = (line: ValidationLine) => line.sku ?? line.variant?.sku ?? null;
export const lineName = (line: ValidationLine) => (line.sku !== null ? `SKU ${line.sku}` : `variant ${line.variantId}`);
