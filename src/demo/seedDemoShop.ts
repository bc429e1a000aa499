import type { Pool } from 'pg';
import { expectStatus, type DemoClient } from './demoClient';
import { writeDemoRules, type SeededRules } from './demoRules';
import { DEMO_LOCATIONS } from './demoShop';
import { importCatalog, type ImportedCatalog } from './seedCatalog';
import { deliverCompanies } from './seedCompanies';
import { rotateDemoApprover, type DemoApprover } from './seedApprover';

export interface SeededDemoShop {
  shop: string;
  catalog: ImportedCatalog;
  /** The SKUs the import left in PostgreSQL for this shop. */
  skuCount: number;
  companyWebhookIds: string[];
  rules: SeededRules;
  approver: DemoApprover;
  /** The constraint sync started after the rules, pushing them to checkout's metafields. */
  syncWorkflowId: string;
}

/**
 * Seeds the demo B2B shop on a running service, each part through the path production
 * uses: the catalog by a full import (`POST /imports/catalog`), the companies by Shopify's
 * webhooks, the rules by upserts (the ERP integration's job; no API), the approver by
 * `POST /approvers`, and checkout's copy of the rules by `POST /constraints/sync`.
 * Safe to run again on the same database (see each step).
 */
export async function seedDemoShop(deps: { client: DemoClient; pool: Pool; shop: string; progress?: (step: string) => void }): Promise<SeededDemoShop> {
  const { client, pool, shop } = deps;
  const progress = deps.progress ?? (() => undefined);
  progress('catalog import');
  const catalog = await importCatalog(client, shop);
  const skuCount = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM product_variants WHERE shop = $1 AND deleted_at IS NULL', [shop])).rows[0]!.n;
  progress('companies');
  const companyWebhookIds = await deliverCompanies(client, pool, shop, DEMO_LOCATIONS);
  progress('rules');
  const rules = await writeDemoRules(pool, shop, DEMO_LOCATIONS);
  progress('approver');
  const approver = await rotateDemoApprover(client, pool, shop, DEMO_LOCATIONS.map((l) => l.gid));
  progress('constraint sync');
  const sync = expectStatus('constraint sync', await client.api('POST', '/constraints/sync', { shop }), 202);
  return { shop, catalog, skuCount, companyWebhookIds, rules, approver, syncWorkflowId: sync.workflowId };
}
