import { max, roundTo, sub, times, ZERO, type Money } from '../money/decimal';

/** A negotiated price of one variant for one company location, from `minQuantity` units up. */
export interface PriceBreak {
  minQuantity: number;
  price: Money;
}

export interface LinePrice {
  listPrice: Money;
  /** What the buyer pays per unit: the negotiated price, or the list price without one. */
  unitPrice: Money;
  /** list − negotiated, per unit, never negative: Shopify's FIXED_AMOUNT appliedDiscount value. */
  discountPerUnit: Money;
  lineTotal: Money;
  /** Which break applied (its minQuantity); null when the list price applies. */
  breakApplied: number | null;
  /** A negotiated price above the list price cannot be charged with a discount: list applies. */
  negotiatedAboveList: boolean;
}

/** The break with the highest minimum the quantity reaches; undefined when none does. */
export function applicableBreak(breaks: readonly PriceBreak[], quantity: number): PriceBreak | undefined {
  let best: PriceBreak | undefined;
  for (const b of breaks) {
    if (b.minQuantity <= quantity && (!best || b.minQuantity > best.minQuantity || (b.minQuantity === best.minQuantity && b.price < best.price))) best = b;
  }
  return best;
}

/**
 * `currencyDigits`: the negotiated price is rounded to the currency's precision (half away
 * from zero) before the discount is taken, so what we total is what Shopify charges.
 */
export function priceLine(listPrice: Money, breaks: readonly PriceBreak[], quantity: number, currencyDigits = 2): LinePrice {
  const applied = applicableBreak(breaks, quantity);
  const negotiated = applied ? roundTo(applied.price, currencyDigits) : undefined;
  const discountPerUnit = negotiated !== undefined ? max(sub(listPrice, negotiated), ZERO) : ZERO;
  const unitPrice = sub(listPrice, discountPerUnit);
  return {
    listPrice,
    unitPrice,
    discountPerUnit,
    lineTotal: times(unitPrice, quantity),
    breakApplied: applied ? applied.minQuantity : null,
    negotiatedAboveList: negotiated !== undefined && negotiated > listPrice,
  };
}
