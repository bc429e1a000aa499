import { checkMetafieldValue } from '../metafields/metafieldValues';
import { nameProblem } from '../metafields/metafieldsSet';
import { compareDecimal, formatMoney, numberToDecimalString, parseMoney } from '../support/money';
import type { AppliedDiscount, DraftLine, ShippingLineRecord } from './draftOrderModel';
import { lineDiscountCents } from './draftOrderTotals';

/**
 * `DraftOrderInput` → the changes to make, or every userError (nothing is written then).
 * Limits: at most 499 line items (https://shopify.dev/changelog/draft-order-line-item-limit,
 * and the `lineItems` description in the 2026-07 schema); unknown variants, quantities
 * below 1 and impossible discounts are userErrors, as Shopify reports them on `field`.
 */
export const MAX_DRAFT_LINE_ITEMS = 499;

export interface UserError {
  field: string[] | null;
  message: string;
}

export interface VariantInfo {
  index: number;
  productIndex: number;
  priceCents: number;
  productTitle: string;
  variantTitle: string;
  sku: string;
  vendor: string;
}

export interface DraftInputContext {
  variant(gid: string): VariantInfo | undefined;
  newUuid(): string;
}

export type NewLine = Omit<DraftLine, 'id'>;

export interface DraftMetafield {
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export interface DraftPatch {
  lines?: NewLine[];
  appliedDiscount?: AppliedDiscount | null;
  tags?: string[];
  poNumber?: string | null;
  note?: string | null;
  email?: string | null;
  phone?: string | null;
  shippingLine?: ShippingLineRecord | null;
  taxExempt?: boolean;
  visibleToCustomer?: boolean;
  customAttributes?: { key: string; value: string | null }[];
  metafields?: DraftMetafield[];
}

type Input = Record<string, unknown>;
type Result = { ok: true; patch: DraftPatch } | { ok: false; userErrors: UserError[] };

const has = (input: Input, key: string): boolean => Object.prototype.hasOwnProperty.call(input, key);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function moneyInput(value: unknown): number | undefined {
  if (value == null) return undefined;
  if (typeof value === 'string') return parseMoney(value);
  const amount = (value as { amount?: unknown }).amount;
  return typeof amount === 'string' || typeof amount === 'number' ? parseMoney(String(amount)) : undefined;
}

/** A discount input checked against what it discounts; `unitCents` for a line, the subtotal for the order. */
function parseDiscount(raw: Input, base: { perUnitCents: number; totalCents: number; scope: 'line' | 'order' }, field: string[], errors: UserError[]): AppliedDiscount | null {
  const value = numberToDecimalString(raw.value as number);
  const valueType = raw.valueType as AppliedDiscount['valueType'];
  const amountCents = moneyInput(raw.amountWithCurrency ?? raw.amount) ?? null;
  const before = errors.length;
  if (compareDecimal(value, '0') < 0) errors.push({ field: [...field, 'value'], message: 'Value must be greater than or equal to 0' });
  else if (valueType === 'PERCENTAGE' && compareDecimal(value, '100') > 0) errors.push({ field: [...field, 'value'], message: 'Value must be less than or equal to 100' });
  else if (valueType === 'FIXED_AMOUNT' && (parseMoney(value) ?? 0) > base.perUnitCents) {
    const what = base.scope === 'line' ? "the line item's price" : 'the subtotal';
    errors.push({ field: [...field, 'value'], message: `Discount of ${formatMoney(parseMoney(value) ?? 0)} is greater than ${what} of ${formatMoney(base.perUnitCents)}` });
  }
  if (amountCents !== null && (amountCents < 0 || amountCents > base.totalCents)) {
    errors.push({ field: [...field, 'amountWithCurrency'], message: `Amount must be between 0.00 and ${formatMoney(base.totalCents)}` });
  }
  if (errors.length > before) return null;
  return { valueType, value, title: str(raw.title), description: str(raw.description) ?? '', amountCents };
}

function parseLine(raw: Input, index: number, ctx: DraftInputContext, errors: UserError[]): NewLine | null {
  const field = ['lineItems', String(index)];
  const before = errors.length;
  const quantity = raw.quantity as number;
  if (quantity < 1) errors.push({ field: [...field, 'quantity'], message: 'Quantity must be greater than or equal to 1' });
  const variantId = str(raw.variantId);
  const variant = variantId ? ctx.variant(variantId) : undefined;
  if (variantId && !variant) errors.push({ field: [...field, 'variantId'], message: `Product variant with ID ${variantId} does not exist` });
  const title = str(raw.title);
  if (!variantId && !title) errors.push({ field: [...field, 'title'], message: "Title can't be blank" });
  const override = moneyInput(raw.priceOverride);
  const customPrice = moneyInput(raw.originalUnitPriceWithCurrency ?? raw.originalUnitPrice);
  if ((override !== undefined && override < 0) || (customPrice !== undefined && customPrice < 0)) {
    errors.push({ field: [...field, override !== undefined ? 'priceOverride' : 'originalUnitPriceWithCurrency'], message: 'Price must be greater than or equal to 0' });
  }
  if (errors.length > before) return null;
  const unitPriceCents = override ?? (variant ? variant.priceCents : customPrice ?? 0);
  const safeQuantity = Math.max(1, quantity);
  const discount = raw.appliedDiscount
    ? parseDiscount(raw.appliedDiscount as Input, { perUnitCents: unitPriceCents, totalCents: unitPriceCents * safeQuantity, scope: 'line' }, [...field, 'appliedDiscount'], errors)
    : null;
  if (errors.length > before) return null;
  return {
    uuid: str(raw.uuid) ?? ctx.newUuid(),
    variantIndex: variant?.index ?? null,
    productIndex: variant?.productIndex ?? null,
    title: variant ? variant.productTitle : title!,
    variantTitle: variant ? variant.variantTitle : null,
    sku: variant ? variant.sku : str(raw.sku),
    vendor: variant ? variant.vendor : null,
    quantity,
    unitPriceCents,
    priceOverridden: override !== undefined,
    discount,
    requiresShipping: variant ? true : raw.requiresShipping !== false,
    taxable: variant ? true : raw.taxable !== false,
    customAttributes: ((raw.customAttributes as Input[] | undefined) ?? []).map((a) => ({ key: String(a.key), value: str(a.value) })),
  };
}

function parseMetafields(raw: Input[], mode: 'create' | 'update', errors: UserError[]): DraftMetafield[] {
  return raw.flatMap((mf, index) => {
    const field = ['metafields', String(index)];
    if (mode === 'create' && mf.id != null) {
      errors.push({ field: [...field, 'id'], message: 'An existing metafield can not be used when creating a draft order' });
      return [];
    }
    const namespace = str(mf.namespace);
    const key = str(mf.key);
    const type = str(mf.type);
    const value = str(mf.value);
    if (!namespace || !key || !type || value === null) {
      errors.push({ field, message: 'Namespace, key, type and value are required' });
      return [];
    }
    const problem = nameProblem('Key', key, 2, 64) ?? nameProblem('Namespace', namespace, 3, 255) ?? checkMetafieldValue(type, value);
    if (problem) {
      errors.push({ field: [...field, 'value'], message: problem.message });
      return [];
    }
    return [{ namespace, key, type, value }];
  });
}

export function parseDraftOrderInput(input: Input, ctx: DraftInputContext, mode: 'create' | 'update', currentLines: NewLine[] = []): Result {
  const errors: UserError[] = [];
  const patch: DraftPatch = {};
  if (has(input, 'lineItems') && input.lineItems !== null) {
    const rawLines = input.lineItems as Input[];
    if (rawLines.length > MAX_DRAFT_LINE_ITEMS) {
      errors.push({ field: ['lineItems'], message: `Line items cannot exceed ${MAX_DRAFT_LINE_ITEMS} items` });
    } else {
      const lines = rawLines.map((raw, index) => parseLine(raw, index, ctx, errors));
      if (!lines.includes(null)) patch.lines = lines as NewLine[];
    }
  }
  if (mode === 'create' && (patch.lines ?? []).length === 0 && errors.length === 0) {
    errors.push({ field: ['lineItems'], message: 'Draft order must include at least one line item' });
  }
  if (input.appliedDiscount) {
    const lines = patch.lines ?? currentLines;
    const subtotal = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity - lineDiscountCents(line, line.discount), 0);
    patch.appliedDiscount = parseDiscount(input.appliedDiscount as Input, { perUnitCents: subtotal, totalCents: subtotal, scope: 'order' }, ['appliedDiscount'], errors);
  } else if (has(input, 'appliedDiscount')) patch.appliedDiscount = null;

  if (has(input, 'shippingLine')) {
    const raw = input.shippingLine as Input | null;
    const priceCents = raw ? moneyInput(raw.priceWithCurrency ?? raw.price) ?? 0 : 0;
    if (raw && priceCents < 0) errors.push({ field: ['shippingLine', 'priceWithCurrency'], message: 'Price must be greater than or equal to 0' });
    patch.shippingLine = raw ? { title: str(raw.title) ?? 'Shipping', priceCents, shippingRateHandle: str(raw.shippingRateHandle) } : null;
  }
  if (has(input, 'tags')) patch.tags = [...new Set(((input.tags as string[] | null) ?? []).map((t) => t.trim()).filter((t) => t.length > 0))];
  for (const key of ['poNumber', 'note', 'email', 'phone'] as const) if (has(input, key)) patch[key] = str(input[key]);
  if (has(input, 'taxExempt')) patch.taxExempt = input.taxExempt === true;
  if (has(input, 'visibleToCustomer')) patch.visibleToCustomer = input.visibleToCustomer === true;
  if (has(input, 'customAttributes')) patch.customAttributes = ((input.customAttributes as Input[] | null) ?? []).map((a) => ({ key: String(a.key), value: str(a.value) }));
  if (Array.isArray(input.metafields)) patch.metafields = parseMetafields(input.metafields as Input[], mode, errors);

  return errors.length > 0 ? { ok: false, userErrors: errors } : { ok: true, patch };
}
