/**
 * The operator CLI as operators run it: `src/cli/main.ts` in its own process (tsx), against
 * the real API on a random port with real PostgreSQL and Temporal, a worker (with the inbox
 * relay) and the simulated shop of the cart suites. Checks --help, the --json documents and
 * the exit codes scripts rely on: 0 ok, 1 refused, 2 usage, 3 not found, 4 unavailable.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { TEST_SHOP } from '../../sim/shopify/testing/harness';
import type { RunningApi } from '../../src/api/startApi';
import { createShopRepository } from '../../src/repositories/shopRepository';
import type { RunningWorker } from '../../src/worker/startWorker';
import { LOC_APPROVAL, startCartShop, type CartShop } from '../helpers/cartShop';
import { eventually } from '../helpers/eventually';
import { connectClient, startTestApi, startTestWorker, uniqueTaskQueue } from '../helpers/service';

const ADMIN_TOKEN = 'cli-admin-token';
const CLI = path.resolve(__dirname, '../../src/cli/main.ts');
// A shop of this suite alone: constraint-sync-<shop> and catalog-import workflow IDs are per shop.
const OTHER_SHOP = `cli-${randomBytes(4).toString('hex')}.myshopify.com`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  json: any;
}

let shop: CartShop;
let temporal: Client;
let api: RunningApi;
/** An API whose task queue has no worker: what it starts stays as started. */
let idleApi: RunningApi;
let worker: RunningWorker;
let scratch: string;
const startedWorkflows: string[] = [];

/** The CLI in a child process, as a script would run it; env holds only what the test gives. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: path.resolve(__dirname, '../..'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir(), B2B_API_URL: api.url, ADMIN_API_TOKEN: ADMIN_TOKEN, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const pool = () => shop.database.pool;
const cartStatus = async (id: string) => ((await fetch(`${api.url}/carts/${id}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }).then((r) => r.json())) as { status: string }).status;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'b2b-cli-test-'));
  shop = await startCartShop({ products: 20, variantsPerProduct: 2 });
  temporal = await connectClient();
  await createShopRepository(shop.database.db).saveInstall(OTHER_SHOP, 'shpat_cli_test');
  const taskQueue = uniqueTaskQueue('cli');
  api = await startTestApi({ db: shop.database.db, temporal, taskQueue, adminApiToken: ADMIN_TOKEN });
  idleApi = await startTestApi({ db: shop.database.db, temporal, taskQueue: uniqueTaskQueue('cli-idle'), adminApiToken: ADMIN_TOKEN });
  worker = await startTestWorker(shop.database.db, taskQueue, undefined, {}, { adminBaseUrl: `${shop.h.url}/{shop}` });
}, 90_000);

afterAll(async () => {
  await Promise.all(startedWorkflows.map((id) => temporal.workflow.getHandle(id).terminate('cli test done').catch(() => undefined)));
  await worker?.shutdown();
  await api?.close();
  await idleApi?.close();
  await shop?.close();
  await temporal?.connection.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('help and usage', () => {
  it('--help lists every command and the exit codes (0); usage errors exit 2, as JSON with --json', async () => {
    const [help, submitHelp, badLimit, unknown, missing] = await Promise.all([
      cli(['--help']),
      cli(['submit-cart', '--help']),
      cli(['dead-webhooks', '--limit', '0', '--json']),
      cli(['no-such-command']),
      cli(['reject', randomUUID(), '--json']),
    ]);
    expect(help.code).toBe(0);
    for (const command of ['import-catalog', 'submit-cart', 'approvals', 'approve', 'reject', 'dead-webhooks', 'replay-webhooks', 'workflow', 'sync-constraints']) {
      expect(help.stdout).toContain(command);
    }
    expect(help.stdout).toMatch(/Exit codes: 0 ok; 1 failed or refused; 2 usage error; 3 not found;\s+4 service unavailable/);
    expect(submitHelp.code).toBe(0);
    expect(submitHelp.stdout).toMatch(/Usage: b2b submit-cart \[options\] <file>[\s\S]*--idempotency-key <key>[\s\S]*Exit codes:/);

    expect(badLimit.code).toBe(2);
    expect(badLimit.json).toEqual({ error: { code: 'USAGE', message: expect.stringMatching(/--limit.*1 to 1000/) } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'no-such-command'/);
    expect(missing.code).toBe(2);
    expect(missing.json.error.message).toMatch(/required option '--reason <text>'/);
  });
});

describe('service unavailable and refused', () => {
  it('an API nobody listens on → 4; Temporal down behind a live API → 4; a wrong admin token → 1', async () => {
    const down = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await closedPort()}`, connectTimeout: 1_000 }) });
    const downApi = await startTestApi({ db: shop.database.db, temporal: down, taskQueue: uniqueTaskQueue('cli-down'), adminApiToken: ADMIN_TOKEN });
    try {
      const nowhere = `http://127.0.0.1:${await closedPort()}`;
      const [unreachable, temporalDown, wrongToken] = await Promise.all([
        cli(['workflow', 'cart-x', '--api-url', nowhere, '--json']),
        cli(['workflow', 'cart-x', '--json'], { B2B_API_URL: downApi.url }),
        cli(['dead-webhooks', '--token', 'not-the-token', '--json']),
      ]);
      expect(unreachable.code).toBe(4);
      expect(unreachable.json).toEqual({ error: { code: 'API_UNREACHABLE', message: expect.stringContaining('ECONNREFUSED'), apiUrl: nowhere } });
      expect(temporalDown.code).toBe(4);
      expect(temporalDown.json.error).toMatchObject({ code: 'TEMPORAL_UNAVAILABLE', status: 503 });
      expect(wrongToken.code).toBe(1);
      expect(wrongToken.json.error).toMatchObject({ code: 'ADMIN_AUTH_INVALID', status: 403 });
    } finally {
      await downApi.close();
      await down.connection.close().catch(() => undefined);
    }
  });
});

describe('dead webhooks', () => {
  const ids = Array.from({ length: 5 }, (_, i) => `cli-${i}-${randomUUID()}`);
  // [webhook, shop, topic, minutes ago]; all valid customer events, dead as if a bug had killed them.
  const rows: [string, string, string, number][] = [
    [ids[0]!, TEST_SHOP, 'customers/create', 180],
    [ids[1]!, TEST_SHOP, 'customers/update', 120],
    [ids[2]!, OTHER_SHOP, 'customers/create', 60],
    [ids[3]!, TEST_SHOP, 'customers/create', 30],
    [ids[4]!, OTHER_SHOP, 'customers/update', 10],
  ];
  const inbox = async () => (await pool().query(`SELECT webhook_id, status, replay_count FROM webhook_inbox WHERE webhook_id = ANY($1) ORDER BY received_at`, [ids])).rows;

  beforeAll(async () => {
    for (const [n, [id, shopDomain, topic, minutesAgo]] of rows.entries()) {
      const payload = { id: 9_000 + n, admin_graphql_api_id: `gid://shopify/Customer/${9_000 + n}`, email: `cli${n}@example.com`, updated_at: '2026-07-01T00:00:00Z' };
      await pool().query(
        `INSERT INTO webhook_inbox (webhook_id, shop, topic, api_version, received_at, status, payload, payload_bytes, workflow_id, last_error)
         VALUES ($1, $2, $3, '2026-07', now() - make_interval(mins => $4), 'dead', $5::jsonb, $6, $7, 'handler crashed (test)')`,
        [id, shopDomain, topic, minutesAgo, JSON.stringify(payload), JSON.stringify(payload).length, `webhook-${id}`],
      );
    }
  });

  it('lists them oldest first with filters and pages; the human table names each', async () => {
    const since = new Date(Date.now() - 90 * 60_000).toISOString();
    const [all, filtered, firstPage, human] = await Promise.all([
      cli(['dead-webhooks', '--json']),
      cli(['dead-webhooks', '--shop', OTHER_SHOP, '--topic', 'customers/create', '--json']),
      cli(['dead-webhooks', '--limit', '2', '--json']),
      cli(['dead-webhooks', '--shop', TEST_SHOP, '--since', since]),
    ]);
    expect(all.code).toBe(0);
    expect(all.json).toMatchObject({ total: 5, nextCursor: null });
    expect(all.json.webhooks.map((w: { webhookId: string }) => w.webhookId)).toEqual(ids);
    expect(all.json.webhooks[0]).toMatchObject({ shop: TEST_SHOP, topic: 'customers/create', lastError: 'handler crashed (test)', replayCount: 0, workflowId: `webhook-${ids[0]}` });
    expect(filtered.json.webhooks.map((w: { webhookId: string }) => w.webhookId)).toEqual([ids[2]]);
    expect(firstPage.json.webhooks.map((w: { webhookId: string }) => w.webhookId)).toEqual(ids.slice(0, 2));
    expect(firstPage.json.nextCursor).toEqual(expect.any(String));
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(ids[3]);
    expect(human.stdout).not.toContain(ids[0]);

    const secondPage = await cli(['dead-webhooks', '--limit', '2', '--cursor', firstPage.json.nextCursor, '--json']);
    expect(secondPage.json.webhooks.map((w: { webhookId: string }) => w.webhookId)).toEqual(ids.slice(2, 4));
  });

  it('replays by ID (unknown → 3, not dead → 1), in bulk by filter, and everything only with --all; the relay runs them to processed', async () => {
    const unknownId = `cli-unknown-${randomUUID()}`;
    const [byId, noFilter, idsAndFilter] = await Promise.all([
      cli(['replay-webhooks', ids[0]!, unknownId, '--json']),
      cli(['replay-webhooks', '--json']),
      cli(['replay-webhooks', ids[1]!, '--shop', TEST_SHOP]),
    ]);
    expect(byId.code).toBe(3);
    expect(byId.json).toEqual({
      queued: 1,
      results: [
        { webhookId: ids[0], outcome: 'queued', workflowId: `webhook-${ids[0]}`, replayCount: 1 },
        { webhookId: unknownId, outcome: 'not_found' },
      ],
    });
    expect(noFilter.code).toBe(2);
    expect(noFilter.json.error.message).toMatch(/without --all/);
    expect(idsAndFilter.code).toBe(2);

    const [again, byShop] = await Promise.all([cli(['replay-webhooks', ids[0]!, '--json']), cli(['replay-webhooks', '--shop', OTHER_SHOP, '--json'])]);
    expect(again.code).toBe(1);
    expect(again.json.results[0]).toMatchObject({ webhookId: ids[0], outcome: 'not_dead' });
    expect(byShop.code).toBe(0);
    expect(byShop.json).toMatchObject({ queued: 2, truncated: false });
    expect([...byShop.json.webhookIds].sort()).toEqual([ids[2], ids[4]].sort());

    const everything = await cli(['replay-webhooks', '--all']);
    expect(everything.code).toBe(0);
    expect(everything.stdout).toMatch(/^2 dead webhook\(s\) queued for replay/);
    expect(everything.stdout).toContain(ids[1]);
    expect(everything.stdout).toContain(ids[3]);

    await eventually(async () => (await inbox()).every((r) => r.status === 'processed'), 60_000, 200);
    expect((await inbox()).map((r) => r.replay_count)).toEqual([1, 1, 1, 1, 1]);
    const [none, status] = await Promise.all([cli(['dead-webhooks', '--json']), cli(['workflow', `webhook-${ids[0]}`, '--json'])]);
    expect(none.json).toMatchObject({ total: 0, webhooks: [] });
    expect(status.code).toBe(0);
    expect(status.json).toMatchObject({ workflowId: `webhook-${ids[0]}`, status: 'COMPLETED', type: 'webhookWorkflow', closeTime: expect.any(String) });
  });
});

describe('carts and approvals', () => {
  let csv: string;
  const location = ['--shop', TEST_SHOP, '--location', LOC_APPROVAL];

  beforeAll(() => {
    csv = path.join(scratch, 'cart.csv');
    writeFileSync(csv, `sku,quantity\n${shop.skus.slice(0, 5).map((s, i) => `${s.sku},${i + 1}`).join('\n')}\n`);
  });

  it('submit-cart: the same file and options twice give the same group; other options another; bad rows and files exit 2', async () => {
    const first = await cli(['submit-cart', csv, ...location, '--po', 'PO-CLI-1', '--json']);
    expect(first.code).toBe(0);
    const groupId = first.json.groupId as string;
    expect(first.json).toEqual({ groupId, workflowId: `cart-${groupId}`, workflowUrl: expect.stringMatching(new RegExp(`/namespaces/default/workflows/cart-${groupId}$`)), status: expect.any(String), statusUrl: `${api.url}/carts/${groupId}`, idempotencyKey: expect.stringMatching(/^cli-[0-9a-f]{64}$/), replayed: false });

    const bad = path.join(scratch, 'bad.csv');
    writeFileSync(bad, `sku,quantity\n${shop.skus[0]!.sku},2\n${shop.skus[1]!.sku},lots\n`);
    const [second, other, badRows, noFile] = await Promise.all([
      cli(['submit-cart', csv, '--po', 'PO-CLI-1', ...location, '--json']), // options in another order: same cart
      cli(['submit-cart', csv, ...location, '--po', 'PO-CLI-2', '--shipping-title', 'Freight', '--shipping-price', '90.00']),
      cli(['submit-cart', bad, ...location, '--json']),
      cli(['submit-cart', path.join(scratch, 'missing.csv'), ...location]),
    ]);
    expect(second.code).toBe(0);
    expect(second.json).toMatchObject({ groupId, idempotencyKey: first.json.idempotencyKey, replayed: true });
    expect(Number((await pool().query(`SELECT count(*) AS n FROM cart_groups WHERE po_number = 'PO-CLI-1'`)).rows[0].n)).toBe(1);

    expect(other.code).toBe(0);
    const otherId = /^group\s+(\S+)$/m.exec(other.stdout)?.[1];
    expect(otherId).toMatch(/^[0-9a-f-]{36}$/);
    expect(otherId).not.toBe(groupId);
    expect(other.stdout).toMatch(new RegExp(`^workflow\\s+cart-${otherId}$`, 'm'));
    expect(other.stdout).toContain(`${api.url}/carts/${otherId}`);

    expect(badRows.code).toBe(2);
    expect(badRows.json.error).toMatchObject({ code: 'CART_INVALID', status: 400 });
    expect(badRows.stderr).toMatch(/row 3/);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/cannot read .*missing\.csv: ENOENT/);

    startedWorkflows.push(`cart-${groupId}`, `cart-${otherId}`);
    await eventually(async () => (await cartStatus(groupId)) === 'awaiting_approval' && (await cartStatus(otherId!)) === 'awaiting_approval', 60_000, 200);
  });

  it('approvals lists the waiting carts for the approver; approve and reject decide (refused → 1, not found → 3, decided → 1)', async () => {
    const groups = (await pool().query(`SELECT id, po_number FROM cart_groups WHERE po_number IN ('PO-CLI-1', 'PO-CLI-2')`)).rows;
    const g1 = groups.find((g) => g.po_number === 'PO-CLI-1')!.id as string;
    const g2 = groups.find((g) => g.po_number === 'PO-CLI-2')!.id as string;
    const alice = { B2B_APPROVER_TOKEN: shop.alice };

    const [listed, forBob, noToken, bobApproves, unknownCart] = await Promise.all([
      cli(['approvals', '--json'], alice),
      cli(['approvals', '--token', shop.bob]),
      cli(['approvals', '--json']),
      cli(['approve', g1, '--token', shop.bob, '--json']),
      cli(['approve', randomUUID(), '--json'], alice),
    ]);
    expect(listed.code).toBe(0);
    expect(listed.json.approver.name).toBe('Alice Approver');
    const mine = listed.json.carts.filter((c: { groupId: string }) => [g1, g2].includes(c.groupId));
    expect(mine.map((c: { poNumber: string }) => c.poNumber).sort()).toEqual(['PO-CLI-1', 'PO-CLI-2']);
    expect(mine[0]).toMatchObject({ shop: TEST_SHOP, companyLocationId: LOC_APPROVAL, lineCount: 5, drafts: [{ lineCount: 5 }], statusUrl: expect.stringMatching(/^\/carts\//) });
    expect(forBob.code).toBe(0);
    expect(forBob.stdout).toMatch(/no cart is waiting for Bob/);
    expect(noToken.code).toBe(1);
    expect(noToken.json.error).toMatchObject({ code: 'APPROVER_AUTH_REQUIRED', status: 401 });
    expect(bobApproves.code).toBe(1);
    expect(bobApproves.json.error).toMatchObject({ code: 'APPROVER_NOT_ASSIGNED', status: 403 });
    expect(unknownCart.code).toBe(3);

    const [approved, rejected] = await Promise.all([cli(['approve', g1, '--comment', 'ok for Q4', '--json'], alice), cli(['reject', g2, '--reason', 'wrong warehouse'], alice)]);
    expect(approved.code).toBe(0);
    expect(approved.json).toMatchObject({ groupId: g1, decision: 'approved', statusUrl: `${api.url}/carts/${g1}` });
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toMatch(new RegExp(`cart ${g2} rejected`));
    await eventually(async () => (await cartStatus(g1)) === 'completed' && (await cartStatus(g2)) === 'rejected', 60_000, 200);

    const [twice, status, missing] = await Promise.all([cli(['approve', g1, '--json'], alice), cli(['workflow', `cart-${g1}`]), cli(['workflow', `cart-${randomUUID()}`, '--json'])]);
    expect(twice.code).toBe(1);
    expect(twice.json.error).toMatchObject({ code: 'CART_NOT_AWAITING_APPROVAL', status: 409 });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^type\s+draftOrderWorkflow$/m);
    expect(status.stdout).toMatch(/^status\s+COMPLETED$/m);
    expect(status.stdout).toMatch(new RegExp(`^web UI\\s+http://localhost:8233/namespaces/default/workflows/cart-${g1}/[0-9a-f-]+/history$`, 'm'));
    expect(missing.code).toBe(3);
    expect(missing.json.error).toMatchObject({ code: 'WORKFLOW_NOT_FOUND', status: 404 });
  });
});

describe('sync-constraints and import-catalog', () => {
  it('start a sync (202 → 0) and an import (a second while it runs → 1); an unknown shop → 3', async () => {
    const env = { B2B_API_URL: idleApi.url };
    const [sync, unknownShop, badMode, imported] = await Promise.all([
      cli(['sync-constraints', '--shop', OTHER_SHOP, '--json'], env),
      cli(['sync-constraints', '--shop', 'nobody-here.myshopify.com', '--json'], env),
      cli(['sync-constraints', '--shop', OTHER_SHOP, '--mode', 'sometimes'], env),
      cli(['import-catalog', '--shop', OTHER_SHOP, '--no-wait', '--json'], env),
    ]);
    expect(sync.code).toBe(0);
    expect(sync.json).toEqual({ workflowId: `constraint-sync-${OTHER_SHOP}`, workflowUrl: expect.stringMatching(/\/namespaces\/default\/workflows\/constraint-sync-/), shop: OTHER_SHOP, mode: 'full' });
    startedWorkflows.push(sync.json.workflowId);
    expect(unknownShop.code).toBe(3);
    expect(unknownShop.json.error.code).toBe('SHOP_NOT_INSTALLED');
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toMatch(/Allowed choices are full, dirty/);
    expect(imported.code).toBe(0);
    expect(imported.json).toMatchObject({ importId: expect.any(String), workflowId: expect.any(String), statusUrl: `${idleApi.url}/imports/${imported.json.importId}` });
    startedWorkflows.push(imported.json.workflowId);

    const second = await cli(['import-catalog', '--shop', OTHER_SHOP, '--no-wait'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`running import ${imported.json.importId}`);
  });
});
