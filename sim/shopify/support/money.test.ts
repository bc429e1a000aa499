import { compareDecimal, formatMoney, numberToDecimalString, parseMoney, percentOf } from './money';

describe('money', () => {
  it.each([
    ['12.34', 1234],
    ['12', 1200],
    ['0.5', 50],
    ['0.005', 1],
    ['0.004', 0],
    ['-3.20', -320],
    ['abc', undefined],
    ['1e3', undefined],
  ])('parseMoney(%s) is %s cents', (input, cents) => {
    expect(parseMoney(input)).toBe(cents);
  });

  it.each([
    [1234, '12.34'],
    [5, '0.05'],
    [-320, '-3.20'],
    [0, '0.00'],
  ])('formatMoney(%s) is %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });

  it.each([
    [10000, '12.5', 1250],
    [999, '33.333', 333],
    [1, '50', 1],
    [123456789012, '100', 123456789012],
  ])('percentOf(%s cents, %s%%) is %s cents, rounded half-up', (cents, pct, expected) => {
    expect(percentOf(cents, pct)).toBe(expected);
  });

  it('turns a float into a plain decimal string without an exponent', () => {
    expect(numberToDecimalString(1e-7)).toBe('0.0000001');
    expect(numberToDecimalString(12.5)).toBe('12.5');
  });

  it('compares decimals numerically, not as text', () => {
    expect(compareDecimal('9.99', '10')).toBe(-1);
    expect(compareDecimal('10.00', '10')).toBe(0);
  });
});
