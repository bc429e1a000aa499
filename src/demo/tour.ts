import { CASE_PACK, DEMO_LOCATIONS, NORTHWIND, QUOTA, type DemoLocation } from './demoShop';
import type { SeededDemoShop } from './seedDemoShop';

/** The CLI's default API address (docs/CLI.md); other addresses are spelled out in the commands. */
const CLI_DEFAULT_API_URL = 'http://localhost:3000';

export interface TourLinks {
  apiUrl: string;
  temporalUiUrl: string | undefined;
  /** The sample cart written for the tour's first command. */
  cartCsvPath: string;
  seconds: number;
}

const thousands = (n: number) => n.toLocaleString('en-US');
const money = (amount: string) => Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function describeLocation(l: DemoLocation): string {
  const s = l.settings;
  const terms = [
    s.requiresApproval ? 'every cart needs approval' : s.approvalThreshold ? `carts from ${money(s.approvalThreshold)} need approval` : 'no approval',
    s.creditLimit ? `credit limit ${money(s.creditLimit)} (${money(s.openBalance)} open)` : '',
  ].filter(Boolean);
  return `${l.companyName} — ${l.name}, ${l.address.city} ${l.address.countryCode} (${l.gid}): ${terms.join(', ')}`;
}

/** What the demo shop holds and what to try, as lines to print. Pure. */
export function demoTour(seeded: SeededDemoShop, links: TourLinks): string[] {
  const cli = `npm run cli --${links.apiUrl === CLI_DEFAULT_API_URL ? '' : ` --api-url ${links.apiUrl}`}`;
  const approverEnv = `B2B_APPROVER_TOKEN=${seeded.approver.token}`;
  const { rules } = seeded;
  return [
    '',
    `Demo shop ${seeded.shop} is ready (seeded in ${Math.round(links.seconds)} s)`,
    `  Catalog:          ${thousands(seeded.skuCount)} SKUs imported from the simulated shop (import ${seeded.catalog.importId})`,
    ...DEMO_LOCATIONS.map((l, i) => `  ${i === 0 ? 'Companies:        ' : '                  '}${describeLocation(l)}`),
    `  Price lists:      ${thousands(rules.negotiatedPrices)} negotiated prices (Northwind: 10% off, 15% from 24 units, on the first 2,000 SKUs)`,
    `  Warehouses:       ${rules.routes.map((r) => `${r.country === '*' ? 'elsewhere' : r.country} → ${r.warehouses.join(', ')}`).join('; ')}`,
    `  Quota:            ${QUOTA.maxQuantity} per ${QUOTA.period} of ${rules.quotaSku.sku} for ${NORTHWIND.name}; cases of ${CASE_PACK} for ${rules.casePackSku.sku} (every buyer)`,
    `  Approver:         ${seeded.approver.name}, token ${seeded.approver.token}`,
    `                    (shown once; each start rotates it${seeded.approver.rotated > 0 ? `, ${seeded.approver.rotated} earlier one(s) disabled` : ''})`,
    '',
    'Tour',
    `  API:              ${links.apiUrl}   (GET ${links.apiUrl}/readyz)`,
    `  Temporal Web UI:  ${links.temporalUiUrl ?? '(set TEMPORAL_UI_URL)'}`,
    `  Approvals page:   ${links.apiUrl}/approvals   (sign in with the approver token)`,
    `  Metrics:          ${links.apiUrl}/metrics`,
    '  Try:',
    `    ${cli} submit-cart ${links.cartCsvPath} --shop ${seeded.shop} --location ${NORTHWIND.gid} --po PO-1001`,
    `    ${approverEnv} ${cli} approvals`,
    `    ${approverEnv} ${cli} approve <cart ID printed by submit-cart>`,
    '  The whole story at once, on a private stack: npm run demo',
    '',
  ];
}
