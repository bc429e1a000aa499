import { parseCsvLines } from './csvLines';

describe('parseCsvLines', () => {
  it('reads sku,quantity rows with an optional header, quotes, CRLF and blank rows', () => {
    expect(parseCsvLines('SKU,Quantity\r\nA-1,3\r\n\r\n"B,2",12\n"C ""x""",1', { maxQuantity: 100 })).toEqual({
      ok: true,
      lines: [
        { sku: 'A-1', quantity: 3, row: 2 },
        { sku: 'B,2', quantity: 12, row: 4 },
        { sku: 'C "x"', quantity: 1, row: 5 },
      ],
    });
  });

  it('reports every bad row with its number', () => {
    const result = parseCsvLines('A,1\nB,two\n,3\nC,0\nD,1,extra\n"E,1\nF,101', { maxQuantity: 100 });
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 2, message: 'quantity "two" is not a whole number' },
        { row: 3, message: 'empty SKU' },
        { row: 4, message: 'quantity 0 is outside 1–100' },
        { row: 5, message: 'expected 2 fields (sku,quantity), got 3' },
        { row: 6, message: 'unclosed quote' },
        { row: 7, message: 'quantity 101 is outside 1–100' },
      ],
    });
  });
});
