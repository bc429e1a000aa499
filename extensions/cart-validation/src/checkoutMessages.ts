import type { ValidationError } from '../../../src/domain/validation/context';

/**
 * What a buyer reads at checkout, per error code. The backend's messages speak to
 * operators (GIDs, totals); these speak to the person at the cart, next to the line.
 */
type Details = Record<string, unknown>;

const MESSAGES: Record<string, (d: Details) => string> = {
  QUANTITY_BELOW_MIN: (d) => `Order at least ${String(d.min)} of this item.`,
  QUANTITY_ABOVE_MAX: (d) => `Order at most ${String(d.max)} of this item.`,
  QUANTITY_NOT_MULTIPLE: (d) => `This item is sold in packs of ${String(d.increment)}.`,
  QUOTA_EXCEEDED: (d) => `Your company can order ${String(d.remaining)} more of this item this ${String(d.period)} (${String(d.requested)} in cart).`,
  PRICE_NOT_NEGOTIATED: () => `This item is sold only at a price agreed with your company, and none covers this quantity.`,
  CREDIT_LIMIT_EXCEEDED: () => `This order is over your company's remaining credit. Remove items or contact us.`,
};

export function checkoutMessage(error: ValidationError): string {
  return MESSAGES[error.code]?.(error.details) ?? 'This cart breaks an ordering rule of your company.';
}

export const UNREADABLE_RULES_MESSAGE = "Your company's ordering rules could not be checked. Please contact us to complete this order.";
