import { parseBatch, RAW_LINE_CHARS, ROW_COLUMNS, rowOfLine, tagsLiteral } from './catalogLineParser';

/** A minimal RFC 4180 reader of one CSV row (as COPY … FORMAT csv reads it): NULL for an empty unquoted field. */
function readRow(row: string): (string | null)[] {
  expect(row.endsWith('\n')).toBe(true);
  const body = row.slice(0, -1);
  const fields: (string | null)[] = [];
  let i = 0;
  for (;;) {
    if (body[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = body.indexOf('"', i);
        if (q === -1) throw new Error('unterminated quote');
        value += body.slice(i, q);
        if (body[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = body.indexOf(',', i);
      const raw = body.slice(i, comma === -1 ? body.length : comma);
      expect(raw).not.toMatch(/["\n\r]/);
      fields.push(raw === '' ? null : raw);
      i = comma === -1 ? body.length : comma;
    }
    if (i >= body.length) break;
    expect(body[i]).toBe(',');
    i++;
    if (i === body.length) {
      fields.push(null);
      break;
    }
  }
  return fields;
}

/** The row of one line as column → value, only the non-NULL ones. */
function parsed(line: string, lineNo = 7): Record<string, string> {
  const fields = readRow(rowOfLine(lineNo, line));
  expect(fields).toHaveLength(ROW_COLUMNS.length);
  return Object.fromEntries(ROW_COLUMNS.map((c, i) => [c, fields[i]]).filter(([, v]) => v !== null)) as Record<string, string>;
}

const T = '2024-05-01T10:00:00Z';
const product = { id: 'gid://shopify/Product/1', title: 'Chair', handle: 'chair', status: 'ACTIVE', vendor: 'Acme', productType: 'Furniture', tags: ['b2b', 'tier-1'], updatedAt: T };

describe('rowOfLine: valid lines of each kind', () => {
  it('a product', () => {
    expect(parsed(JSON.stringify(product))).toEqual({
      line_no: '7', kind: 'Product', gid: product.id, updated_at: T, title: 'Chair', handle: 'chair', status: 'ACTIVE', vendor: 'Acme',
      product_type: 'Furniture', tags: '{"b2b","tier-1"}',
    });
  });

  it('a variant: price and compareAtPrice as strings or numbers, position, inventory item', () => {
    const line = { id: 'gid://shopify/ProductVariant/2', __parentId: product.id, sku: 'CH-1', title: 'Red', price: '19.90', compareAtPrice: 25, position: 1, inventoryItem: { id: 'gid://shopify/InventoryItem/3' }, updatedAt: T };
    expect(parsed(JSON.stringify(line))).toEqual({
      line_no: '7', kind: 'ProductVariant', gid: line.id, parent_gid: product.id, updated_at: T, title: 'Red', sku: 'CH-1', price: '19.90',
      compare_at_price: '25', position: '1', inventory_item_gid: 'gid://shopify/InventoryItem/3',
    });
  });

  it('an inventory level: the available quantity among the quantities', () => {
    const line = {
      id: 'gid://shopify/InventoryLevel/4?inventory_item_id=3', __parentId: 'gid://shopify/ProductVariant/2', location: { id: 'gid://shopify/Location/5', name: 'Main, "North"' },
      quantities: [{ name: 'on_hand', quantity: 9 }, { name: 'available', quantity: 7 }], updatedAt: T,
    };
    expect(parsed(JSON.stringify(line))).toEqual({
      line_no: '7', kind: 'InventoryLevel', gid: line.id, parent_gid: 'gid://shopify/ProductVariant/2', updated_at: T, location_gid: 'gid://shopify/Location/5',
      location_name: 'Main, "North"', available: '7',
    });
  });

  it('a metafield, with a JSON value and an empty string kept apart from NULL', () => {
    const line = { id: 'gid://shopify/Metafield/6', __parentId: product.id, namespace: 'custom', key: 'specs', type: 'json', value: '{"a":[1,2]}\nnext line', updatedAt: T };
    expect(parsed(JSON.stringify(line))).toEqual({
      line_no: '7', kind: 'Metafield', gid: line.id, parent_gid: product.id, updated_at: T, namespace: 'custom', key: 'specs', type: 'json', value: '{"a":[1,2]}\nnext line',
    });
    expect(parsed(JSON.stringify({ ...line, value: '' })).value).toBe('');
  });
});

describe('rowOfLine: rejects keep the reason and the raw line', () => {
  const rejectOf = (line: string) => {
    const row = parsed(line, 1234);
    expect(Object.keys(row).sort()).toEqual(['line_no', 'raw', 'reject']);
    expect(row.line_no).toBe('1234');
    return row;
  };

  it('malformed JSON', () => {
    const line = '{"id":"gid://shopify/Product/1","title":"Chair",';
    expect(rejectOf(line)).toEqual({ line_no: '1234', reject: 'malformed JSON', raw: line });
  });

  it('the raw line is cut to its first 4096 characters', () => {
    const line = `{"id": "${'x'.repeat(10_000)}`;
    expect(rejectOf(line).raw).toBe(line.slice(0, RAW_LINE_CHARS));
  });

  it.each([
    ['not an object', '[1,2]', 'not an object with an id'],
    ['no id', JSON.stringify({ title: 'x', updatedAt: T }), 'not an object with an id'],
    ['another type', JSON.stringify({ id: 'gid://shopify/Collection/1', updatedAt: T }), 'unexpected object type Collection'],
    ['no updatedAt', JSON.stringify({ ...product, updatedAt: undefined }), 'missing or invalid updatedAt'],
    ['an impossible date', JSON.stringify({ ...product, updatedAt: '2023-02-29T00:00:00Z' }), 'missing or invalid updatedAt'],
    ['a product without title', JSON.stringify({ ...product, title: null }), 'product without title'],
    ['a variant without price', JSON.stringify({ id: 'gid://shopify/ProductVariant/2', __parentId: product.id, updatedAt: T }), 'variant without a valid price'],
    ['a variant with a price numeric(20,4) cannot hold', JSON.stringify({ id: 'gid://shopify/ProductVariant/2', __parentId: product.id, price: '1'.repeat(17), updatedAt: T }), 'variant without a valid price'],
    ['a bad compareAtPrice', JSON.stringify({ id: 'gid://shopify/ProductVariant/2', __parentId: product.id, price: '1', compareAtPrice: 'n/a', updatedAt: T }), 'invalid compareAtPrice'],
    ['a position past int4', JSON.stringify({ id: 'gid://shopify/ProductVariant/2', __parentId: product.id, price: '1', position: 2 ** 31, updatedAt: T }), 'invalid position'],
    ['a child without parent', JSON.stringify({ id: 'gid://shopify/ProductVariant/2', price: '1', updatedAt: T }), 'parent (none) is not in the file'],
    ['a level without available', JSON.stringify({ id: 'gid://shopify/InventoryLevel/4', __parentId: 'p', location: { id: 'l' }, quantities: [], updatedAt: T }), 'inventory level without location or available quantity'],
    ['a level without location', JSON.stringify({ id: 'gid://shopify/InventoryLevel/4', __parentId: 'p', quantities: [{ name: 'available', quantity: 1 }], updatedAt: T }), 'inventory level without location or available quantity'],
    ['an incomplete metafield', JSON.stringify({ id: 'gid://shopify/Metafield/6', __parentId: product.id, namespace: 'custom', key: 'k', type: 'json', updatedAt: T }), 'incomplete metafield'],
    ['a NUL in a string', JSON.stringify({ ...product, title: 'a\u0000b' }), 'NUL character in a string'],
  ])('%s', (_name, line, reason) => {
    expect(rejectOf(line)).toEqual({ line_no: '1234', reject: reason, raw: line });
  });
});

describe('CSV quoting and the tags literal', () => {
  it('quotes commas, quotes, CR and LF; keeps an empty string apart from NULL', () => {
    const title = 'A "big", red\r\nchair';
    expect(rowOfLine(1, JSON.stringify({ ...product, title, handle: '' }))).toContain(`,"A ""big"", red\r\nchair","",`);
    expect(parsed(JSON.stringify({ ...product, title })).title).toBe(title);
  });

  it('writes tags as a text[] literal with quotes and backslashes escaped, null elements as NULL', () => {
    expect(tagsLiteral(['b2b', 'say "hi"', 'back\\slash', null, 'a,b', '{x}'])).toBe('{"b2b","say \\"hi\\"","back\\\\slash",NULL,"a,b","{x}"}');
    expect(tagsLiteral([])).toBe('{}');
    expect(tagsLiteral('b2b')).toBeNull();
    expect(parsed(JSON.stringify({ ...product, tags: ['say "hi"'] })).tags).toBe('{"say \\"hi\\""}');
  });

  it('a reject raw line with quotes and commas survives the CSV round trip', () => {
    const line = '{"id": "a,b", "x": "say ""hi"""';
    expect(parsed(line).raw).toBe(line);
  });
});

describe('parseBatch', () => {
  it('numbers lines from the first line number, one row per line: rejects and empty lines too, a last line without newline', () => {
    const lines = [JSON.stringify(product), 'not json', '', JSON.stringify({ ...product, id: 'gid://shopify/Product/2' })];
    const batch = parseBatch(Buffer.from(lines.join('\n')), 41);
    expect(batch.lines).toBe(4);
    expect(batch.rejected).toBe(1);
    const rows = batch.csv.toString('utf8').split(/(?<=\n)(?=\d)/);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => readRow(r)[0])).toEqual(['41', '42', '43', '44']);
    expect(readRow(rows[1]!)[ROW_COLUMNS.indexOf('reject')]).toBe('malformed JSON');
    expect(readRow(rows[2]!)).toEqual(['43', ...Array<null>(ROW_COLUMNS.length - 1).fill(null)]);
    expect(parseBatch(Buffer.from(`${lines.join('\n')}\n`), 1).lines).toBe(4);
  });

  it('reads multi-byte UTF-8 and grows its output past the input size', () => {
    const title = 'Stühle – 椅子 🪑'.repeat(50);
    const line = JSON.stringify({ ...product, title, tags: Array.from({ length: 200 }, () => '"') });
    const batch = parseBatch(Buffer.from(line), 1);
    expect(batch.csv.length).toBeGreaterThan(Buffer.byteLength(line));
    expect(parsed(line).title).toBe(title);
    expect(batch.csv.toString('utf8')).toBe(rowOfLine(1, line));
  });

  it('an empty batch has no rows', () => {
    expect(parseBatch(Buffer.alloc(0), 1)).toMatchObject({ lines: 0, rejected: 0 });
  });
});
