import { startHarness, TEST_SHOP, type Harness } from '../testing/harness';
import { parseLines, runBulk } from '../testing/bulk';

const N = 7;
const M = 4;
const L = 2;
const CATALOG_QUERY = `{
  products {
    edges { node {
      id title
      variants { edges { node {
        id sku price compareAtPrice
        inventoryItem { id inventoryLevels { edges { node { id quantities(names: ["available", "on_hand"]) { name quantity } location { id } } } } }
      } } }
    } }
  }
}`;

describe('bulk export JSONL', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({}, { catalog: { products: N, variantsPerProduct: M, locations: L, metafieldsPerProduct: 1, seed: 3 } });
  });
  afterEach(() => h.close());
  const download = async (url: string) => (await fetch(url)).text();

  it('has one line per object, products then variants then inventory levels, each child after its parent', async () => {
    const { op } = await runBulk(h, CATALOG_QUERY);
    expect(op).toMatchObject({ status: 'COMPLETED', objectCount: String(N + N * M + N * M * L), rootObjectCount: String(N), errorCode: null });
    const text = await download(op.url);
    expect(Buffer.byteLength(text)).toBe(Number(op.fileSize));
    const lines = parseLines(text);
    expect(lines).toHaveLength(N + N * M + N * M * L);

    const seen = new Map<string, number>();
    lines.forEach((line, n) => {
      if (line.__parentId !== undefined) expect(seen.get(line.__parentId)).toBeLessThan(n);
      seen.set(line.id, n);
    });
    const products = lines.filter((l) => l.id.startsWith('gid://shopify/Product/'));
    const variants = lines.filter((l) => l.id.startsWith('gid://shopify/ProductVariant/'));
    const levels = lines.filter((l) => l.id.startsWith('gid://shopify/InventoryLevel/'));
    expect(products.every((p) => p.__parentId === undefined && typeof p.title === 'string')).toBe(true);
    expect(variants.every((v) => v.__parentId.startsWith('gid://shopify/Product/') && /^\d+\.\d{2}$/.test(v.price) && v.inventoryItem.id.startsWith('gid://shopify/InventoryItem/'))).toBe(true);
    // A connection under a plain object (inventoryItem) hangs off the nearest node line: the variant.
    expect(levels.every((l) => l.__parentId.startsWith('gid://shopify/ProductVariant/') && l.quantities.length === 2 && l.location.id.startsWith('gid://shopify/Location/'))).toBe(true);
    expect(variants[0]).not.toHaveProperty('inventoryLevels');
  });

  it('interleaves children: many are not right after their parent, unlike groupObjects output', async () => {
    const directlyAfterParent = (lines: any[]) =>
      lines.filter((line, n) => line.__parentId !== undefined && (lines[n - 1].id === line.__parentId || lines[n - 1].__parentId === line.__parentId)).length;
    const interleaved = parseLines(await download((await runBulk(h, CATALOG_QUERY)).op.url));
    const children = interleaved.filter((l) => l.__parentId !== undefined).length;
    expect(directlyAfterParent(interleaved)).toBeLessThan(children / 2);

    const grouped = parseLines(await download((await runBulk(h, CATALOG_QUERY, { groupObjects: true })).op.url));
    // Grouped: every line between a parent and its child is in that parent's subtree.
    const parentOf = new Map(grouped.map((l) => [l.id, l.__parentId as string | undefined]));
    const isUnder = (id: string, ancestor: string): boolean => {
      for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) if (p === ancestor) return true;
      return false;
    };
    grouped.forEach((line, n) => {
      if (line.__parentId === undefined) return;
      const start = grouped.findIndex((l) => l.id === line.__parentId);
      for (const between of grouped.slice(start + 1, n)) expect(isUnder(between.id, line.__parentId)).toBe(true);
    });
    expect(grouped).toHaveLength(interleaved.length);
  });

  it.each([
    [1, 1],
    [5, 3],
    [10, 7],
    [50, 2],
  ])('a catalog of %s products × %s variants exports exactly N × M variant lines', async (products, variants) => {
    await h.close();
    h = await startHarness({}, { catalog: { products, variantsPerProduct: variants } });
    const { op } = await runBulk(h, '{ productVariants { edges { node { id sku product { id } } } } }');
    const lines = parseLines(await download(op.url));
    expect(lines).toHaveLength(products * variants);
    expect(new Set(lines.map((l) => l.sku)).size).toBe(products * variants);
    expect(op.rootObjectCount).toBe(String(products * variants));
  });

  it('serves byte ranges with 206, Content-Range and the exact bytes of the full file', async () => {
    const { op } = await runBulk(h, CATALOG_QUERY);
    const full = Buffer.from(await (await fetch(op.url)).arrayBuffer());
    const size = full.length;
    expect(size).toBe(Number(op.fileSize));
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      [`bytes=${Math.floor(size / 2)}-${Math.floor(size / 2) + 1234}`, Math.floor(size / 2), Math.floor(size / 2) + 1234],
      [`bytes=${size - 1}-${size - 1}`, size - 1, size - 1],
      ['bytes=-50', size - 50, size - 1],
      [`bytes=${size - 300}-`, size - 300, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await fetch(op.url, { headers: { range } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(await res.arrayBuffer()).equals(full.subarray(start, end + 1))).toBe(true);
    }
    const beyond = await fetch(op.url, { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
    const head = await fetch(op.url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(size));
    expect(head.headers.get('accept-ranges')).toBe('bytes');
  });

  it('projects exactly the selected fields, with aliases, __typename and metafield lines', async () => {
    const { op } = await runBulk(h, '{ products { edges { node { __typename id name: title metafields { edges { node { namespace key value type } } } } } } }');
    const lines = parseLines(await download(op.url));
    expect(lines[0]).toEqual({ __typename: 'Product', id: 'gid://shopify/Product/8000000000000', name: expect.any(String) });
    expect(lines.filter((l) => l.__parentId)).toHaveLength(N);
    expect(Object.keys(lines.find((l) => l.__parentId)!).sort()).toEqual(['__parentId', 'key', 'namespace', 'type', 'value']);
  });

  it('an injected malformed line breaks exactly that line', async () => {
    await h.admin('PUT', `/_sim/shops/${TEST_SHOP}/bulk-faults`, { malformedLine: 5 });
    const { op } = await runBulk(h, CATALOG_QUERY);
    const raw = (await download(op.url)).split('\n').filter((l) => l !== '');
    raw.forEach((line, n) => {
      if (n === 4) expect(() => JSON.parse(line)).toThrow();
      else expect(() => JSON.parse(line)).not.toThrow();
    });
    expect(Buffer.byteLength(raw.join('\n') + '\n')).toBe(Number(op.fileSize));
  });

  it('a changed catalog makes the next export differ while the earlier file keeps its snapshot', async () => {
    const query = '{ products { edges { node { id variants { edges { node { id price } } } } } } }';
    const first = await runBulk(h, query);
    const before = await download(first.op.url);
    const change = await h.admin('POST', `/_sim/shops/${TEST_SHOP}/catalog/changes`, {
      setPrices: [{ variantId: 'gid://shopify/ProductVariant/45000000000000', price: '1.23' }],
      deleteProducts: ['gid://shopify/Product/8000000000001'],
    });
    expect(change.status).toBe(200);
    const second = await runBulk(h, query);
    const after = parseLines(await download(second.op.url));
    expect(after.find((l) => l.id === 'gid://shopify/ProductVariant/45000000000000').price).toBe('1.23');
    expect(after.some((l) => l.id === 'gid://shopify/Product/8000000000001' || l.__parentId === 'gid://shopify/Product/8000000000001')).toBe(false);
    expect(after).toHaveLength(N - 1 + (N - 1) * M);
    expect(await download(first.op.url)).toBe(before);
  });

  it('an export that matches nothing completes without a file', async () => {
    const { op } = await runBulk(h, '{ products(query: "updated_at:>2100-01-01") { edges { node { id } } } }');
    expect(op).toMatchObject({ status: 'COMPLETED', objectCount: '0', url: null, fileSize: null });
  });
});
