/**
 * The rule reads cart validation and draft preparation share, on a real PostgreSQL: each
 * answers one JSON document (bench:validate), so the edge cases of the SQL are pinned here —
 * a variant named twice, a deleted product, price breaks in order, unknown keys.
 */
import { formatMoney } from '../../src/domain/money/decimal';
import { createRulesRepository } from '../../src/repositories/rulesRepository';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const SHOP = 'rules-repo.myshopify.com';
const LOC = 'gid://shopify/CompanyLocation/7';
const V = (n: number) => `gid://shopify/ProductVariant/${n}`;
const P = (n: number) => `gid://shopify/Product/${n}`;
const I = (n: number) => `gid://shopify/InventoryItem/${n}`;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const q = (sql: string, params: unknown[]) => database.pool.query(sql, params);
  await q(
    `INSERT INTO products (shop, gid, title, status, shopify_updated_at, source_event_at, deleted_at)
     VALUES ($1, $2, 'Bolt', 'ACTIVE', now(), now(), NULL), ($1, $3, 'Gone', 'ACTIVE', now(), now(), now()), ($1, $4, 'Draft nut', 'DRAFT', now(), now(), NULL)`,
    [SHOP, P(1), P(2), P(3)],
  );
  await q(
    `INSERT INTO product_variants (shop, gid, product_gid, sku, title, price, inventory_item_gid, shopify_updated_at, source_event_at)
     VALUES ($1, $2, $5, 'BOLT-S', 'Small', 1.50, $8, now(), now()), ($1, $3, $6, 'GONE-1', 'Default Title', 2, NULL, now(), now()), ($1, $4, $7, 'NUT-1', 'Default Title', 0.1250, $9, now(), now())`,
    [SHOP, V(1), V(2), V(3), P(1), P(2), P(3), I(1), I(3)],
  );
  await q(
    `INSERT INTO negotiated_prices (shop, company_location_gid, variant_gid, min_quantity, price) VALUES ($1, $2, $3, 50, 1.10), ($1, $2, $3, 1, 1.40), ($1, $2, $3, 10, 1.25)`,
    [SHOP, LOC, V(1)],
  );
  await q(
    `INSERT INTO inventory_levels (shop, inventory_item_gid, location_gid, available, shopify_updated_at, source_event_at)
     VALUES ($1, $2, 'gid://shopify/Location/1', 5, now(), now()), ($1, $2, 'gid://shopify/Location/2', 0, now(), now()), ($1, $3, 'gid://shopify/Location/1', 9, now(), now())`,
    [SHOP, I(1), I(3)],
  );
}, 60_000);
afterAll(() => database?.close());

it('a variant named by SKU and by GID comes once; a deleted product reads as inactive; unknown keys are absent', async () => {
  const rules = createRulesRepository(database.pool);
  const rows = await rules.catalogLines(SHOP, ['BOLT-S', 'GONE-1', 'NOPE'], [V(1), V(3), V(99)]);
  expect(rows.map((r) => r.variantGid).sort()).toEqual([V(1), V(2), V(3)]);
  const byGid = new Map(rows.map((r) => [r.variantGid, r]));
  expect(byGid.get(V(1))).toMatchObject({ sku: 'BOLT-S', title: 'Bolt — Small', productGid: P(1), inventoryItemGid: I(1), productActive: true });
  expect(formatMoney(byGid.get(V(1))!.listPrice)).toBe('1.50');
  expect(formatMoney(byGid.get(V(3))!.listPrice)).toBe('0.125');
  expect(byGid.get(V(2))).toMatchObject({ title: 'Default Title', productActive: false, inventoryItemGid: null });
  expect(byGid.get(V(3))).toMatchObject({ title: 'Draft nut', productActive: false });
  expect(await rules.catalogLines(SHOP, [], [])).toEqual([]);
});

it('price breaks come in quantity order with exact prices; stock by item and warehouse; nothing for unknown keys', async () => {
  const rules = createRulesRepository(database.pool);
  const breaks = await rules.negotiatedPrices(SHOP, LOC, [V(1), V(3)]);
  expect([...breaks.keys()]).toEqual([V(1)]);
  expect(breaks.get(V(1))!.map((b) => [b.minQuantity, formatMoney(b.price)])).toEqual([
    [1, '1.40'],
    [10, '1.25'],
    [50, '1.10'],
  ]);
  const stock = await rules.stock(SHOP, [I(1), I(3), I(99)]);
  expect([...stock.keys()].sort()).toEqual([I(1), I(3)]);
  expect(Object.fromEntries(stock.get(I(1))!)).toEqual({ 'gid://shopify/Location/1': 5, 'gid://shopify/Location/2': 0 });
  expect(await rules.negotiatedPrices(SHOP, LOC, [])).toEqual(new Map());
  expect(await rules.stock(SHOP, [])).toEqual(new Map());
});
