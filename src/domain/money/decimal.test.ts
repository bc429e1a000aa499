import { add, currencyDigits, formatMoney, InvalidMoneyError, parseMoney, roundTo, sub, sum, times } from './decimal';

describe('money', () => {
  it.each([
    ['12', '12.00'],
    ['12.5', '12.50'],
    ['0.1', '0.10'],
    ['19.9999', '19.9999'],
    ['19.99990', '19.9999'],
    ['-3.25', '-3.25'],
    ['0', '0.00'],
  ])('parses %s and formats it as %s', (input, output) => {
    expect(formatMoney(parseMoney(input))).toBe(output);
  });

  it('is exact where floating point is not', () => {
    expect(formatMoney(add(parseMoney('0.1'), parseMoney('0.2')))).toBe('0.30');
    expect(formatMoney(times(parseMoney('19.99'), 3))).toBe('59.97');
    expect(formatMoney(sum(Array.from({ length: 10_000 }, () => parseMoney('0.01'))))).toBe('100.00');
    expect(formatMoney(sub(parseMoney('10'), parseMoney('10.0001')))).toBe('-0.0001');
  });

  it.each(['', 'abc', '1.2.3', '1e3', '12.00001', ' ', '1,5'])('refuses %j', (input) => {
    expect(() => parseMoney(input)).toThrow(InvalidMoneyError);
  });
});

describe('currency precision', () => {
  it('rounds half away from zero to the currency’s minor units', () => {
    expect(formatMoney(roundTo(parseMoney('9.3333'), currencyDigits('USD')))).toBe('9.33');
    expect(formatMoney(roundTo(parseMoney('9.335'), 2))).toBe('9.34');
    expect(formatMoney(roundTo(parseMoney('-9.335'), 2))).toBe('-9.34');
    expect(formatMoney(roundTo(parseMoney('1234.5'), currencyDigits('JPY')))).toBe('1235.00');
    expect(formatMoney(roundTo(parseMoney('1.2345'), currencyDigits('KWD')))).toBe('1.235');
    expect(currencyDigits(null)).toBe(2);
  });
});
