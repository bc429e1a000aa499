import { randomUUID } from 'node:crypto';
import { runBulk } from '../../sim/shopify/testing/bulk';
import { startHarness, TEST_SHOP, TEST_TOKEN, type Harness } from '../../sim/shopify/testing/harness';
import { mergeCatalog } from '../../src/catalog/merge/mergeCatalog';
import { loadBulkFile } from '../../src/catalog/staging/loadBulkFile';
import { parseStagedLines } from '../../src/catalog/staging/parseStagedLines';
import { createApproverRepository } from '../../src/repositories/approverRepository';
import { createShopRepository } from '../../src/repositories/shopRepository';
import { CATALOG_EXPORT_QUERY } from '../../src/shopify/bulk/catalogExportQuery';
import { createTestDatabase, type TestDatabase } from './database';

export const LOC_OPEN = 'gid://shopify/CompanyLocation/1001'; // no approval needed
export const LOC_APPROVAL = 'gid://shopify/CompanyLocation/1002'; // every cart needs approval

export interface CartShop {
  h: Harness;
  database: TestDatabase;
  /** The catalog's variants in GID order. */
  skus: { sku: string; gid: string; price: string }[];
  /** Approver tokens: alice approves LOC_APPROVAL, bob only LOC_OPEN. */
  alice: string;
  bob: string;
  close(): Promise<void>;
}

/**
 * A simulated B2B shop and a database holding its catalog (through the real import path),
 * negotiated prices for LOC_OPEN (the first 100 SKUs 1.00 off list, 2.50 off from 10 units),
 * LOC_APPROVAL requiring approval, and two approvers.
 */
export async function startCartShop(
  options: { products?: number; variantsPerProduct?: number; plan?: 'standard' | 'advanced' | 'plus' | 'enterprise'; bucketSize?: number; shop?: string } = {},
): Promise<CartShop> {
  // A suite whose workflows are keyed by shop (one constraint sync per shop on a shared Temporal server) names its own.
  const SHOP = options.shop ?? TEST_SHOP;
  const h = await startHarness(
    {},
    {
      ...(options.plan ? { plan: options.plan } : {}),
      ...(options.bucketSize ? { bucketSize: options.bucketSize } : {}),
      ...(options.shop ? { shop: options.shop } : {}),
      catalog: { products: options.products ?? 300, variantsPerProduct: options.variantsPerProduct ?? 5, locations: 2, metafieldsPerProduct: 1, seed: 21 },
    },
  );
  const database = await createTestDatabase();
  await createShopRepository(database.db).saveInstall(SHOP, TEST_TOKEN);
  const { op } = await runBulk(h, CATALOG_EXPORT_QUERY);
  const importId = randomUUID();
  await database.pool.query(`INSERT INTO catalog_imports (id, shop, workflow_id, trigger, status) VALUES ($1, $2, 'test', 'test', 'loading')`, [importId, SHOP]);
  await loadBulkFile({ pool: database.pool, importId, url: op.url });
  await parseStagedLines(database.pool, importId, { maxRejects: 0 });
  await mergeCatalog(database.pool, { importId, shop: SHOP, exportStartedAt: new Date(op.createdAt) });
  await database.pool.query(`UPDATE catalog_imports SET status = 'completed' WHERE id = $1`, [importId]);
  const skus = (await database.pool.query(`SELECT sku, gid, price::text AS price FROM product_variants WHERE shop = $1 ORDER BY gid`, [SHOP])).rows;
  await database.pool.query(
    `INSERT INTO negotiated_prices (shop, company_location_gid, variant_gid, min_quantity, price)
     SELECT $1, $2, gid, b.min_quantity, price - b.off FROM unnest($3::text[], $4::numeric[]) AS v(gid, price)
       CROSS JOIN (VALUES (1, 1.00), (10, 2.50)) AS b(min_quantity, off)`,
    [SHOP, LOC_OPEN, skus.slice(0, 100).map((s) => s.gid), skus.slice(0, 100).map((s) => s.price)],
  );
  await database.pool.query(`INSERT INTO company_location_settings (shop, company_location_gid, requires_approval) VALUES ($1, $2, true)`, [SHOP, LOC_APPROVAL]);
  const approvers = createApproverRepository(database.db);
  const alice = (await approvers.create({ shop: SHOP, name: 'Alice Approver', companyLocationGids: [LOC_APPROVAL] })).token;
  const bob = (await approvers.create({ shop: SHOP, name: 'Bob Buyer-Manager', companyLocationGids: [LOC_OPEN] })).token;
  return {
    h,
    database,
    skus,
    alice,
    bob,
    async close() {
      await database.close();
      await h.close();
    },
  };
}
