import { parseMoney, percentOf } from '../support/money';
import type { AppliedDiscount, DraftLine, DraftOrderRecord } from './draftOrderModel';

/** Every amount of a draft order, from its lines and discounts (pure; all in cents). */
export interface LineTotals {
  originalTotal: number;
  discount: number;
  discountedTotal: number;
}

export interface DraftTotals {
  lines: LineTotals[];
  totalLineItems: number;
  lineItemsSubtotal: number;
  orderDiscount: number;
  subtotal: number;
  totalDiscounts: number;
  shipping: number;
  tax: number;
  total: number;
  quantity: number;
}

/** A line's discount: a percentage of the line, or a fixed amount per unit (as in Shopify's admin). */
export function lineDiscountCents(line: Pick<DraftLine, 'unitPriceCents' | 'quantity'>, discount: AppliedDiscount | null): number {
  if (!discount) return 0;
  const original = line.unitPriceCents * line.quantity;
  const amount =
    discount.amountCents ??
    (discount.valueType === 'PERCENTAGE' ? percentOf(original, discount.value) : (parseMoney(discount.value) ?? 0) * line.quantity);
  return Math.min(original, Math.max(0, amount));
}

export function orderDiscountCents(subtotal: number, discount: AppliedDiscount | null): number {
  if (!discount) return 0;
  const amount = discount.amountCents ?? (discount.valueType === 'PERCENTAGE' ? percentOf(subtotal, discount.value) : (parseMoney(discount.value) ?? 0));
  return Math.min(subtotal, Math.max(0, amount));
}

export function draftTotals(draft: Pick<DraftOrderRecord, 'lines' | 'appliedDiscount' | 'shippingLine'>): DraftTotals {
  const lines = draft.lines.map((line) => {
    const originalTotal = line.unitPriceCents * line.quantity;
    const discount = lineDiscountCents(line, line.discount);
    return { originalTotal, discount, discountedTotal: originalTotal - discount };
  });
  const totalLineItems = lines.reduce((sum, l) => sum + l.originalTotal, 0);
  const lineItemsSubtotal = lines.reduce((sum, l) => sum + l.discountedTotal, 0);
  const orderDiscount = orderDiscountCents(lineItemsSubtotal, draft.appliedDiscount);
  const subtotal = lineItemsSubtotal - orderDiscount;
  const shipping = draft.shippingLine?.priceCents ?? 0;
  // Taxes are not simulated: B2B drafts in our flows are tax-exempt or taxed at checkout.
  const tax = 0;
  return {
    lines,
    totalLineItems,
    lineItemsSubtotal,
    orderDiscount,
    subtotal,
    totalDiscounts: totalLineItems - lineItemsSubtotal + orderDiscount,
    shipping,
    tax,
    total: subtotal + shipping + tax,
    quantity: draft.lines.reduce((sum, l) => sum + l.quantity, 0),
  };
}
