import { formatFields, formatTable, show, truncate } from './format';

describe('human output', () => {
  it('aligns fields and shows missing values as -', () => {
    expect(formatFields([['workflow', 'cart-1'], ['closed', null], ['history', 12]])).toBe('workflow  cart-1\nclosed    -\nhistory   12');
  });

  it('aligns table columns, keeps each row on one line', () => {
    expect(formatTable(['id', 'error'], [['a', 'boom\nat line 2'], ['bbbb', null]])).toBe('id    error\na     boom at line 2\nbbbb  -');
  });

  it('shows dates as ISO, objects as JSON, and cuts long text', () => {
    expect(show(new Date('2026-07-01T00:00:00Z'))).toBe('2026-07-01T00:00:00.000Z');
    expect(show({ a: 1 })).toBe('{"a":1}');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate(null, 4)).toBe('');
  });
});
