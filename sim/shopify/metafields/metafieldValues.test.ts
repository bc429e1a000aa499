import { JSON_VALUE_LIMIT_BYTES, checkMetafieldValue } from './metafieldValues';

describe('checkMetafieldValue', () => {
  it.each([
    ['number_integer', '42', undefined],
    ['number_integer', '4.2', 'INVALID_VALUE'],
    ['number_decimal', '4.25', undefined],
    ['boolean', 'yes', 'INVALID_VALUE'],
    ['json', '{"a":1}', undefined],
    ['json', '{a:1}', 'INVALID_VALUE'],
    ['date', '2026-07-01', undefined],
    ['date', '07/01/2026', 'INVALID_VALUE'],
    ['single_line_text_field', 'one\ntwo', 'INVALID_VALUE'],
    ['product_reference', 'gid://shopify/Product/1', undefined],
    ['product_reference', 'gid://shopify/Order/1', 'INVALID_VALUE'],
    ['list.number_integer', '[1,2,3]', undefined],
    ['list.number_integer', '[1,"x"]', 'INVALID_VALUE'],
    ['money', '{"amount":"5.99","currency_code":"USD"}', undefined],
    ['weight', '{"value":2.5,"unit":"kg"}', undefined],
    ['not_a_type', 'x', 'INVALID_TYPE'],
  ])('%s %j → %s', (type, value, code) => {
    expect(checkMetafieldValue(type, value)?.code).toBe(code);
  });

  it.each([
    ['json', JSON_VALUE_LIMIT_BYTES, undefined],
    ['json', JSON_VALUE_LIMIT_BYTES + 1, 'TOO_LONG'],
    ['multi_line_text_field', 65_536, undefined],
    ['multi_line_text_field', 65_537, 'TOO_LONG'],
    ['url', 2049, 'TOO_LONG'],
  ])('a %s value of %s bytes → %s', (type, bytes, code) => {
    const value = type === 'json' ? `"${'a'.repeat(bytes - 2)}"` : type === 'url' ? `https://${'a'.repeat(bytes - 8)}` : 'a'.repeat(bytes);
    expect(Buffer.byteLength(value)).toBe(bytes);
    expect(checkMetafieldValue(type, value)?.code).toBe(code);
  });
});
