/**
 * The approvals page in a real browser (headless Chromium driven by playwright-core): an
 * approver signs in with their token, sees the cart waiting for them, and approves it; the
 * workflow completes the drafts. Real PostgreSQL, Temporal and the Shopify simulator.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { chromium, type Browser } from 'playwright-core';
import { TEST_SHOP } from '../../sim/shopify/testing/harness';
import type { RunningApi } from '../../src/api/startApi';
import type { RunningWorker } from '../../src/worker/startWorker';
import type { DraftOrderWorkflowResult } from '../../src/workflows/draftOrderWorkflow';
import { LOC_APPROVAL, startCartShop, type CartShop } from '../helpers/cartShop';
import { chromiumPath } from '../helpers/chromium';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestApi, startTestWorker, uniqueTaskQueue } from '../helpers/service';

const ADMIN_TOKEN = 'admin-test-token';
let shop: CartShop;
let temporal: Client;
let api: RunningApi;
let worker: RunningWorker;
let browser: Browser;

beforeAll(async () => {
  shop = await startCartShop({ products: 40 });
  temporal = await connectClient();
  const taskQueue = uniqueTaskQueue('approvals');
  api = await startTestApi({ db: shop.database.db, temporal, taskQueue, adminApiToken: ADMIN_TOKEN });
  worker = await startTestWorker(shop.database.db, taskQueue, undefined, false, { adminBaseUrl: `${shop.h.url}/{shop}` });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await worker?.shutdown();
  await api?.close();
  await shop?.close();
  await temporal?.connection.close();
});

const submit = async (lines: number, poNumber: string) => {
  const res = await fetch(`${api.url}/carts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ shop: TEST_SHOP, companyLocationId: LOC_APPROVAL, poNumber, lines: shop.skus.slice(0, lines).map((s) => ({ sku: s.sku, quantity: 2 })) }),
  });
  const { groupId } = (await res.json()) as { groupId: string };
  await eventually(async () => ((await (await fetch(`${api.url}/carts/${groupId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { status: string }).status === 'awaiting_approval');
  return groupId;
};

it('an approver signs in, sees the pending cart and approves it in the browser', async () => {
  const groupId = await submit(12, 'PO-BROWSER');
  const page = await browser.newPage();
  await page.goto(`${api.url}/approvals`);
  // A wrong token is refused and nothing is shown.
  await page.fill('input[name=token]', 'apr_wrong');
  await page.click('button[type=submit]');
  await page.waitForSelector('text=That token is not valid.');

  await page.fill('input[name=token]', shop.alice);
  await page.click('button[type=submit]');
  await page.waitForSelector('text=Signed in as Alice Approver');
  const row = page.locator(`tr[data-group="${groupId}"]`);
  await row.waitFor();
  expect(await row.innerText()).toContain('PO PO-BROWSER');
  await row.locator('input[name=comment]').fill('fine by me');
  await row.locator('button.approve').click();
  await page.waitForSelector(`text=Approved cart ${groupId}.`);
  expect(await page.locator(`tr[data-group="${groupId}"]`).count()).toBe(0);

  const result = (await temporal.workflow.getHandle(`cart-${groupId}`).result()) as DraftOrderWorkflowResult;
  expect(result).toMatchObject({ status: 'completed', decision: { decision: 'approved', approverName: 'Alice Approver', comment: 'fine by me' } });
  await page.close();
});

it('an approver not assigned to the location does not see the cart, and a forged form post is refused', async () => {
  const groupId = await submit(3, 'PO-OTHER');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${api.url}/approvals`);
  await page.fill('input[name=token]', shop.bob);
  await page.click('button[type=submit]');
  await page.waitForSelector('text=No carts are waiting for your approval.');
  // Bob posts the approve form for Alice's cart by hand: 403, no signal.
  const status = await page.evaluate(async (id) => (await fetch(`/approvals/${id}/approve`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })).status, groupId);
  expect(status).toBe(403);
  const state = await temporal.workflow.getHandle(`cart-${groupId}`).query<DraftOrderWorkflowResult>('state');
  expect(state).toMatchObject({ status: 'awaiting_approval', decision: null });
  await context.close();
});
