/**
 * The catalog import's data path against a real PostgreSQL and the Shopify simulator's
 * bulk export: stream → parser worker → typed staging (COPY) → checks in PostgreSQL →
 * merge. The workflow around it is tested in catalogImport.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { runBulk } from '../../sim/shopify/testing/bulk';
import { startHarness, TEST_SHOP, type Harness } from '../../sim/shopify/testing/harness';
import { mergeCatalog } from '../../src/catalog/merge/mergeCatalog';
import { loadBulkFile, type LoadProgress } from '../../src/catalog/staging/loadBulkFile';
import { parseStagedLines, StagingLostError, TooManyRejectsError } from '../../src/catalog/staging/parseStagedLines';
import { stagingTables } from '../../src/catalog/staging/stagingTables';
import { CATALOG_EXPORT_QUERY } from '../../src/shopify/bulk/catalogExportQuery';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const PRODUCTS = 4_000;
const VARIANTS_PER_PRODUCT = 5; // 20,000 variants
const LOCATIONS = 2;
const METAFIELDS = 1;

let h: Harness;
let database: TestDatabase;

beforeAll(async () => {
  h = await startHarness({}, { catalog: { products: PRODUCTS, variantsPerProduct: VARIANTS_PER_PRODUCT, locations: LOCATIONS, metafieldsPerProduct: METAFIELDS, seed: 11 } });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  database = await createTestDatabase();
  await h.admin('POST', '/_sim/reset', { shop: TEST_SHOP });
});
afterEach(async () => {
  await database?.close();
});

async function newImport(): Promise<string> {
  const id = randomUUID();
  await database.pool.query(`INSERT INTO catalog_imports (id, shop, workflow_id, trigger, status) VALUES ($1, $2, 'test', 'test', 'loading')`, [id, TEST_SHOP]);
  return id;
}

async function exportCatalog(): Promise<{ url: string; createdAt: Date; objectCount: number }> {
  const { op } = await runBulk(h, CATALOG_EXPORT_QUERY);
  expect(op.status).toBe('COMPLETED');
  return { url: op.url, createdAt: new Date(op.createdAt), objectCount: Number(op.objectCount) };
}

async function importOnce(options: { segmentBytes?: number; maxRejects?: number } = {}) {
  const file = await exportCatalog();
  const importId = await newImport();
  const load = await loadBulkFile({ pool: database.pool, importId, url: file.url, segmentBytes: options.segmentBytes });
  const parsed = await parseStagedLines(database.pool, importId, { maxRejects: options.maxRejects ?? 100 });
  const stats = await mergeCatalog(database.pool, { importId, shop: TEST_SHOP, exportStartedAt: file.createdAt });
  await database.pool.query(`UPDATE catalog_imports SET status = 'completed' WHERE id = $1`, [importId]);
  return { importId, file, load, parsed, stats };
}

const scalar = async (query: string, params: unknown[] = []): Promise<number> => Number((await database.pool.query(query, params)).rows[0].n);

it('imports a 20,000-variant export exactly: counts and values', async () => {
  const { file, load, parsed, stats } = await importOnce({ segmentBytes: 256 * 1024 });

  const lines = PRODUCTS * (1 + METAFIELDS + VARIANTS_PER_PRODUCT * (1 + LOCATIONS));
  expect(file.objectCount).toBe(lines);
  expect(load.lines).toBe(lines);
  expect(load.segments).toBeGreaterThan(5);
  expect(parsed).toEqual({ rows: lines, rejected: 0 });
  expect(stats.products).toMatchObject({ staged: PRODUCTS, inserted: PRODUCTS, deleted: 0 });
  expect(stats.variants).toMatchObject({ staged: 20_000, inserted: 20_000 });
  expect(stats.inventoryLevels).toMatchObject({ staged: 40_000, inserted: 40_000 });
  expect(stats.locations.upserted).toBe(LOCATIONS);

  expect(await scalar(`SELECT count(*) AS n FROM products WHERE shop = $1 AND deleted_at IS NULL`, [TEST_SHOP])).toBe(PRODUCTS);
  expect(await scalar(`SELECT count(*) AS n FROM product_variants WHERE shop = $1 AND deleted_at IS NULL`, [TEST_SHOP])).toBe(20_000);
  expect(await scalar(`SELECT count(*) AS n FROM inventory_levels WHERE shop = $1`, [TEST_SHOP])).toBe(40_000);
  expect(await scalar(`SELECT count(*) AS n FROM product_metafields WHERE shop = $1`, [TEST_SHOP])).toBe(PRODUCTS * METAFIELDS);

  // Values: a variant and its levels as Shopify serves them, one by one.
  const variantId = 'gid://shopify/ProductVariant/45000000012345';
  const res = await h.gql(
    `query V($id: ID!) { productVariant(id: $id) { id sku price compareAtPrice position product { id }
       inventoryItem { id inventoryLevels(first: 5) { nodes { location { id } quantities(names: ["available"]) { quantity } } } } } }`,
    { id: variantId },
  );
  const v = res.body.data.productVariant;
  const row = (await database.pool.query(`SELECT * FROM product_variants WHERE shop = $1 AND gid = $2`, [TEST_SHOP, variantId])).rows[0];
  expect(row).toMatchObject({ sku: v.sku, product_gid: v.product.id, inventory_item_gid: v.inventoryItem.id, position: v.position });
  expect(Number(row.price)).toBe(Number(v.price));
  expect(row.compare_at_price === null ? null : Number(row.compare_at_price)).toBe(v.compareAtPrice === null ? null : Number(v.compareAtPrice));
  const levels = (await database.pool.query(`SELECT location_gid, available FROM inventory_levels WHERE shop = $1 AND inventory_item_gid = $2 ORDER BY location_gid`, [TEST_SHOP, v.inventoryItem.id])).rows;
  expect(levels).toEqual(
    v.inventoryItem.inventoryLevels.nodes
      .map((n: { location: { id: string }; quantities: { quantity: number }[] }) => ({ location_gid: n.location.id, available: n.quantities[0]!.quantity }))
      .sort((a: { location_gid: string }, b: { location_gid: string }) => a.location_gid.localeCompare(b.location_gid)),
  );
  // Staging is per import and dropped by the workflow; here it is still there.
  const staged = stagingTables((await database.pool.query('SELECT id FROM catalog_imports')).rows[0].id).rows;
  expect(await scalar(`SELECT count(*) AS n FROM ${staged}`)).toBe(lines);
  // One row per line, numbered as the file: 1 … lines.
  expect((await database.pool.query(`SELECT count(DISTINCT line_no)::int AS n, min(line_no)::int AS lo, max(line_no)::int AS hi FROM ${staged}`)).rows[0]).toEqual({ n: lines, lo: 1, hi: lines });
});

it('a second import applies price changes and deletions, and skips what did not change', async () => {
  await importOnce();
  const deleted = ['gid://shopify/Product/8000000000007', 'gid://shopify/Product/8000000000100'];
  const repriced = 'gid://shopify/ProductVariant/45000000000600'; // product 120, not a deleted one
  const change = await h.admin('POST', `/_sim/shops/${TEST_SHOP}/catalog/changes`, { setPrices: [{ variantId: repriced, price: '123.45', compareAtPrice: null }], deleteProducts: deleted });
  expect(change.status).toBe(200);

  const { stats } = await importOnce();

  expect(stats.products).toMatchObject({ staged: PRODUCTS - 2, inserted: 0, deleted: 2 });
  expect(stats.variants).toMatchObject({ staged: 20_000 - 10, inserted: 0, deleted: 10 });
  // Only the repriced variant's product was touched in Shopify; everything else is skipped.
  expect(stats.variants.updated).toBeLessThanOrEqual(VARIANTS_PER_PRODUCT);
  expect(stats.variants.updated).toBeGreaterThanOrEqual(1);
  expect(stats.inventoryLevels.deleted).toBe(10 * LOCATIONS);
  expect(await scalar(`SELECT count(*) AS n FROM products WHERE shop = $1 AND deleted_at IS NOT NULL AND gid = ANY($2)`, [TEST_SHOP, deleted])).toBe(2);
  expect(await scalar(`SELECT count(*) AS n FROM product_variants WHERE shop = $1 AND deleted_at IS NULL`, [TEST_SHOP])).toBe(20_000 - 10);
  expect((await database.pool.query(`SELECT price FROM product_variants WHERE gid = $1`, [repriced])).rows[0].price).toBe('123.4500');

  // A third import of an unchanged shop writes nothing.
  const again = await importOnce();
  expect(again.stats.products).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
  expect(again.stats.variants).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
  expect(again.stats.inventoryLevels).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
});

it('never overwrites newer webhook data with the export’s older picture, nor deletes what appeared during the export', async () => {
  const file = await exportCatalog();
  const variant = 'gid://shopify/ProductVariant/45000000000003';
  // A products/update webhook delivered after the export started, carrying a newer price.
  const later = new Date(file.createdAt.getTime() + 60_000);
  await database.db.execute(sql`INSERT INTO product_variants (shop, gid, product_gid, sku, price, shopify_updated_at, source_event_at)
    VALUES (${TEST_SHOP}, ${variant}, 'gid://shopify/Product/8000000000000', 'NEWER-SKU', 999, ${later}, ${later})`);
  await database.db.execute(sql`INSERT INTO products (shop, gid, title, status, shopify_updated_at, source_event_at)
    VALUES (${TEST_SHOP}, 'gid://shopify/Product/99999', 'Created during the export', 'ACTIVE', ${later}, ${later})`);

  const importId = await newImport();
  await loadBulkFile({ pool: database.pool, importId, url: file.url });
  await parseStagedLines(database.pool, importId, { maxRejects: 0 });
  await mergeCatalog(database.pool, { importId, shop: TEST_SHOP, exportStartedAt: file.createdAt });

  const row = (await database.pool.query(`SELECT sku, price FROM product_variants WHERE gid = $1`, [variant])).rows[0];
  expect(row).toEqual({ sku: 'NEWER-SKU', price: '999.0000' });
  expect((await database.pool.query(`SELECT deleted_at FROM products WHERE gid = 'gid://shopify/Product/99999'`)).rows[0].deleted_at).toBeNull();
});

it('resumes an interrupted download with a Range request from the last committed byte: exact counts, no duplicates', async () => {
  const file = await exportCatalog();
  const importId = await newImport();
  const ranges: (string | null)[] = [];
  const controller = new AbortController();
  let seen: LoadProgress | undefined;
  const fetchImpl: typeof fetch = (input, init) => {
    ranges.push(new Headers(init?.headers).get('range'));
    return fetch(input, init);
  };
  // First attempt: killed (aborted) after its third committed segment.
  const first = await loadBulkFile({
    pool: database.pool,
    importId,
    url: file.url,
    segmentBytes: 128 * 1024,
    signal: controller.signal,
    fetchImpl,
    onProgress: (p) => {
      if (p.committed) seen = p;
      if (p.committed && p.segments === 3) controller.abort(new Error('worker died'));
    },
  }).catch((e: unknown) => e);
  expect(first).toBeInstanceOf(Error);
  expect(seen?.segments).toBe(3);

  const second = await loadBulkFile({ pool: database.pool, importId, url: file.url, segmentBytes: 128 * 1024, fetchImpl });
  expect(ranges).toEqual([null, `bytes=${seen!.bytes}-`]);
  expect(second.resumedFrom).toBe(seen!.bytes);
  expect(second.lines).toBe(file.objectCount);
  const parsed = await parseStagedLines(database.pool, importId, { maxRejects: 0 });
  expect(parsed.rows).toBe(file.objectCount);
  // No line staged twice, none skipped, each with its line number in the file.
  const staged = stagingTables(importId).rows;
  expect(await scalar(`SELECT count(DISTINCT gid) AS n FROM ${staged}`)).toBe(file.objectCount);
  expect((await database.pool.query(`SELECT count(DISTINCT line_no)::int AS n, min(line_no)::int AS lo, max(line_no)::int AS hi FROM ${staged}`)).rows[0]).toEqual({
    n: file.objectCount,
    lo: 1,
    hi: file.objectCount,
  });
  const segments = (await database.pool.query(`SELECT first_line::int, line_count FROM catalog_import_segments WHERE import_id = $1 ORDER BY segment_no`, [importId])).rows;
  segments.forEach((s, i) => expect(s.first_line).toBe(i === 0 ? 1 : segments[i - 1].first_line + segments[i - 1].line_count));
});

it('starts the file again when the UNLOGGED staging table lost its rows (PostgreSQL crash) after committed segments', async () => {
  const file = await exportCatalog();
  const importId = await newImport();
  const ranges: (string | null)[] = [];
  const controller = new AbortController();
  const fetchImpl: typeof fetch = (input, init) => {
    ranges.push(new Headers(init?.headers).get('range'));
    return fetch(input, init);
  };
  const first = await loadBulkFile({
    pool: database.pool,
    importId,
    url: file.url,
    segmentBytes: 128 * 1024,
    signal: controller.signal,
    fetchImpl,
    onProgress: (p) => {
      if (p.committed && p.segments === 2) controller.abort(new Error('worker died'));
    },
  }).catch((e: unknown) => e);
  expect(first).toBeInstanceOf(Error);
  // What a crash does to an UNLOGGED table: empty, while the segments stay committed.
  await database.pool.query(`TRUNCATE ${stagingTables(importId).rows}`);

  const second = await loadBulkFile({ pool: database.pool, importId, url: file.url, segmentBytes: 128 * 1024, fetchImpl });
  expect(ranges).toEqual([null, null]);
  expect(second).toMatchObject({ resumedFrom: 0, lines: file.objectCount });
  const parsed = await parseStagedLines(database.pool, importId, { maxRejects: 0 });
  expect(parsed).toEqual({ rows: file.objectCount, rejected: 0 });
});

it('keeps a malformed line as a reject with its line number and imports the valid rest, deleting nothing', async () => {
  const first = await importOnce();
  expect(first.stats.deletionsApplied).toBe(true);
  await h.admin('PUT', `/_sim/shops/${TEST_SHOP}/bulk-faults`, { malformedLine: 1234 });
  const { parsed, importId, stats } = await importOnce({ segmentBytes: 64 * 1024 });
  await h.admin('DELETE', `/_sim/shops/${TEST_SHOP}/bulk-faults`);

  const rejects = (await database.pool.query(`SELECT line_no, reason, line FROM catalog_import_rejects WHERE import_id = $1 ORDER BY line_no`, [importId])).rows;
  expect(rejects[0]).toMatchObject({ line_no: '1234', reason: 'malformed JSON' });
  // The line as received (the fault drops its closing brace).
  expect(rejects[0].line).toMatch(/^\{"id":"gid:\/\/shopify\/[A-Za-z]+\/\d+/);
  expect(() => JSON.parse(rejects[0].line)).toThrow();
  expect(() => JSON.parse(`${rejects[0].line}}`)).not.toThrow();
  // A malformed parent orphans its children; they are rejected with the reason.
  expect(rejects.slice(1).every((r) => /is not in the file/.test(r.reason))).toBe(true);
  expect(parsed.rejected).toBe(rejects.length);
  expect((await database.pool.query('SELECT rejected_lines FROM catalog_imports WHERE id = $1', [importId])).rows[0].rejected_lines).toBe(rejects.length);
  expect(stats.variants.staged + stats.products.staged + stats.inventoryLevels.staged + stats.metafields.staged).toBe(PRODUCTS * (1 + METAFIELDS + VARIANTS_PER_PRODUCT * (1 + LOCATIONS)) - rejects.length);
  // The rejected lines' objects still exist in Shopify: an export with rejects deletes nothing.
  expect(stats.deletionsApplied).toBe(false);
  for (const table of [stats.products, stats.variants, stats.inventoryLevels, stats.metafields]) expect(table.deleted).toBe(0);
  expect(await scalar(`SELECT count(*) AS n FROM products WHERE shop = $1 AND deleted_at IS NULL`, [TEST_SHOP])).toBe(PRODUCTS);
  expect(await scalar(`SELECT count(*) AS n FROM product_variants WHERE shop = $1 AND deleted_at IS NULL`, [TEST_SHOP])).toBe(20_000);
  expect(await scalar(`SELECT count(*) AS n FROM inventory_levels WHERE shop = $1`, [TEST_SHOP])).toBe(20_000 * LOCATIONS);
});

it('rejects orphans (missing or rejected parents, cascading) and duplicate SKUs, keeping the first', async () => {
  const T = '2026-01-01T00:00:00Z';
  const gid = (type: string, n: number) => `gid://shopify/${type}/${n}`;
  const lines = [
    { id: gid('Product', 1), title: 'Chair', updatedAt: T },
    { id: gid('ProductVariant', 11), __parentId: gid('Product', 1), sku: 'A', price: '10.00', inventoryItem: { id: gid('InventoryItem', 11) }, updatedAt: T },
    { id: gid('ProductVariant', 12), __parentId: gid('Product', 1), sku: 'A', price: '11.00', inventoryItem: { id: gid('InventoryItem', 12) }, updatedAt: T },
    { id: gid('InventoryLevel', 121), __parentId: gid('ProductVariant', 12), location: { id: gid('Location', 1) }, quantities: [{ name: 'available', quantity: 3 }], updatedAt: T },
    { id: gid('ProductVariant', 13), __parentId: gid('Product', 9), sku: 'C', price: '12.00', updatedAt: T },
    { id: gid('InventoryLevel', 131), __parentId: gid('ProductVariant', 13), location: { id: gid('Location', 1) }, quantities: [{ name: 'available', quantity: 4 }], updatedAt: T },
    { id: gid('Metafield', 101), __parentId: gid('Product', 1), namespace: 'b2b', key: 'case_pack', type: 'number_integer', value: '6', updatedAt: T },
    { id: gid('InventoryLevel', 111), __parentId: gid('ProductVariant', 11), location: { id: gid('Location', 1) }, quantities: [{ name: 'available', quantity: 5 }], updatedAt: T },
    { id: gid('ProductVariant', 14), __parentId: gid('Product', 1), sku: 'B', price: '13.00', inventoryItem: { id: gid('InventoryItem', 14) }, updatedAt: T },
  ];
  const body = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
  const fetchImpl: typeof fetch = async () => new Response(body, { headers: { 'content-length': String(Buffer.byteLength(body)) } });
  const importId = await newImport();
  await loadBulkFile({ pool: database.pool, importId, url: 'http://bulk.invalid/export.jsonl', fetchImpl });
  const parsed = await parseStagedLines(database.pool, importId, { maxRejects: 10 });
  expect(parsed).toEqual({ rows: 5, rejected: 4 });
  const rejects = (await database.pool.query(`SELECT line_no::int, reason FROM catalog_import_rejects WHERE import_id = $1 ORDER BY line_no`, [importId])).rows;
  expect(rejects).toEqual([
    { line_no: 3, reason: 'duplicate SKU A' },
    { line_no: 4, reason: `parent ${gid('ProductVariant', 12)} is not in the file` },
    { line_no: 5, reason: `parent ${gid('Product', 9)} is not in the file` },
    { line_no: 6, reason: `parent ${gid('ProductVariant', 13)} is not in the file` },
  ]);
  const stats = await mergeCatalog(database.pool, { importId, shop: TEST_SHOP, exportStartedAt: new Date(T) });
  expect([stats.products.staged, stats.variants.staged, stats.inventoryLevels.staged, stats.metafields.staged]).toEqual([1, 2, 1, 1]);
  const variants = (await database.pool.query(`SELECT gid, sku, price FROM product_variants WHERE shop = $1 ORDER BY gid`, [TEST_SHOP])).rows;
  expect(variants).toEqual([
    { gid: gid('ProductVariant', 11), sku: 'A', price: '10.0000' },
    { gid: gid('ProductVariant', 14), sku: 'B', price: '13.0000' },
  ]);
});

it('fails clearly when rejects pass the threshold', async () => {
  await h.admin('PUT', `/_sim/shops/${TEST_SHOP}/bulk-faults`, { malformedLine: 10 });
  const error = await importOnce({ maxRejects: 0 }).catch((e: unknown) => e);
  await h.admin('DELETE', `/_sim/shops/${TEST_SHOP}/bulk-faults`);
  expect(error).toBeInstanceOf(TooManyRejectsError);
  expect((error as Error).message).toMatch(/lines of the export were rejected, more than the limit of 0/);
});

it('refuses to merge staging that PostgreSQL emptied after a crash, instead of deleting the catalog', async () => {
  await importOnce();
  const file = await exportCatalog();
  const importId = await newImport();
  await loadBulkFile({ pool: database.pool, importId, url: file.url });
  // What a PostgreSQL restart does to an UNLOGGED table.
  await database.pool.query(`TRUNCATE ${stagingTables(importId).rows}`);
  const error = await parseStagedLines(database.pool, importId, { maxRejects: 0 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StagingLostError);
  expect(await scalar(`SELECT count(*) AS n FROM product_variants WHERE shop = $1 AND deleted_at IS NULL`, [TEST_SHOP])).toBe(20_000);
});
