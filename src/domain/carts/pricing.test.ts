import fc from 'fast-check';
import { formatMoney, parseMoney, type Money } from '../money/decimal';
import { applicableBreak, priceLine } from './pricing';

const p = parseMoney;
const breaks = [
  { minQuantity: 1, price: p('9.00') },
  { minQuantity: 10, price: p('8.25') },
  { minQuantity: 100, price: p('7.10') },
];

describe('priceLine', () => {
  it.each([
    [1, '9.00', '1.00'],
    [9, '9.00', '1.00'],
    [10, '8.25', '1.75'],
    [99, '8.25', '1.75'],
    [100, '7.10', '2.90'],
  ])('quantity %i pays %s per unit, a FIXED_AMOUNT discount of %s off the 10.00 list price', (quantity, unit, discount) => {
    const price = priceLine(p('10.00'), breaks, quantity);
    expect([formatMoney(price.unitPrice), formatMoney(price.discountPerUnit)]).toEqual([unit, discount]);
    expect(formatMoney(price.lineTotal)).toBe(formatMoney((p(unit) * BigInt(quantity)) as Money));
  });

  it('rounds a 4-decimal negotiated price to the currency’s precision before discounting, as Shopify charges', () => {
    const price = priceLine(p('10.00'), [{ minQuantity: 1, price: p('9.3333') }], 1_000_000);
    expect([formatMoney(price.unitPrice), formatMoney(price.discountPerUnit), formatMoney(price.lineTotal)]).toEqual(['9.33', '0.67', '9330000.00']);
    expect(formatMoney(priceLine(p('1000'), [{ minQuantity: 1, price: p('987.6') }], 1, 0).unitPrice)).toBe('988.00');
  });

  it('charges the list price without a negotiated one', () => {
    expect(priceLine(p('10.00'), [], 5)).toMatchObject({ unitPrice: p('10.00'), discountPerUnit: 0n, breakApplied: null });
  });

  it('never discounts below zero: a negotiated price above list charges list', () => {
    const price = priceLine(p('10.00'), [{ minQuantity: 1, price: p('12.00') }], 1);
    expect(price).toMatchObject({ unitPrice: p('10.00'), discountPerUnit: 0n, negotiatedAboveList: true });
  });

  it('property: unit price + discount = list price, discount ≥ 0, break is the highest reached', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => p((c / 100).toFixed(2)));
    fc.assert(
      fc.property(cents, fc.array(fc.record({ minQuantity: fc.integer({ min: 1, max: 500 }), price: cents }), { maxLength: 6 }), fc.integer({ min: 1, max: 1_000 }), (list, bs, quantity) => {
        const price = priceLine(list, bs, quantity);
        expect(price.discountPerUnit >= 0n).toBe(true);
        expect(price.unitPrice + price.discountPerUnit).toBe(list);
        const reached = bs.filter((b) => b.minQuantity <= quantity);
        if (reached.length === 0) expect(applicableBreak(bs, quantity)).toBeUndefined();
        else expect(applicableBreak(bs, quantity)!.minQuantity).toBe(Math.max(...reached.map((b) => b.minQuantity)));
      }),
    );
  });
});
