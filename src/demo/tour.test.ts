import { CONTOSO, NORTHWIND } from './demoShop';
import type { SeededDemoShop } from './seedDemoShop';
import { demoTour } from './tour';

const seeded = {
  shop: 'demo-wholesale.myshopify.com',
  catalog: { importId: 'imp-1', workflowId: 'catalog-import-demo-wholesale.myshopify.com', lines: 340_000, seconds: 40 },
  skuCount: 100_000,
  companyWebhookIds: [],
  rules: {
    skus: [],
    quotaSku: { sku: 'SIM-Q', gid: 'q', productGid: 'pq', price: '1', mainStock: 1 },
    casePackSku: { sku: 'SIM-C', gid: 'c', productGid: 'pc', price: '1', mainStock: 1 },
    routes: [{ country: 'US', warehouses: ['Main Warehouse'] }, { country: '*', warehouses: ['Main Warehouse', 'Warehouse 2'] }],
    negotiatedPrices: 4_500,
  },
  approver: { approverId: 'a', name: 'Dana', token: 'apr_secret', rotated: 1 },
  syncWorkflowId: 'constraint-sync-demo-wholesale.myshopify.com',
} satisfies SeededDemoShop;

const links = { apiUrl: 'http://localhost:3000', temporalUiUrl: 'http://127.0.0.1:8233', cartCsvPath: '/tmp/b2b-demo/cart.csv', seconds: 41.6 };

describe('demoTour', () => {
  it('names the URLs, both companies, the approver token and three CLI commands for the default API address', () => {
    const text = demoTour(seeded, links).join('\n');
    for (const expected of ['http://localhost:3000/approvals', 'http://localhost:3000/metrics', 'http://127.0.0.1:8233', NORTHWIND.gid, CONTOSO.gid, 'credit limit 15,000.00 (3,200.00 open)', 'carts from 25,000.00 need approval', 'apr_secret', '1 earlier one(s) disabled', 'elsewhere → Main Warehouse, Warehouse 2', 'seeded in 42 s']) {
      expect(text).toContain(expected);
    }
    const commands = demoTour(seeded, links).flatMap((l) => /npm run cli -- (\S+)/.exec(l)?.[1] ?? []);
    expect(commands).toEqual(['submit-cart', 'approvals', 'approve']);
  });

  it('spells out --api-url only when the API is not where the CLI looks by default', () => {
    expect(demoTour(seeded, { ...links, apiUrl: 'http://localhost:3100' }).join('\n')).toContain('npm run cli -- --api-url http://localhost:3100 approvals');
    expect(demoTour(seeded, links).join('\n')).not.toContain('--api-url');
  });
});
