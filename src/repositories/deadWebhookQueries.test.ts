import { createTestDatabase, type TestDatabase } from '../../test/helpers/database';
import { createDeadWebhookQueries, decodeDeadWebhookCursor, type DeadWebhookQueries } from './deadWebhookQueries';

let database: TestDatabase;
let queries: DeadWebhookQueries;

/** [id, shop, topic, received_at (text, to the microsecond), status] */
const ROWS: [string, string, string, string, string][] = [
  ['w1', 'a.myshopify.com', 'orders/create', '2026-07-01T00:00:00.000100Z', 'dead'],
  // Same millisecond as w1, later microsecond: a JS-Date cursor would skip or repeat it.
  ['w2', 'a.myshopify.com', 'orders/create', '2026-07-01T00:00:00.000900Z', 'dead'],
  ['w0', 'b.myshopify.com', 'orders/create', '2026-07-01T00:00:00.000900Z', 'dead'],
  ['w3', 'a.myshopify.com', 'customers/create', '2026-07-02T00:00:00Z', 'dead'],
  ['w4', 'b.myshopify.com', 'orders/create', '2026-07-03T00:00:00Z', 'processed'],
];

beforeAll(async () => {
  database = await createTestDatabase();
  queries = createDeadWebhookQueries(database.db);
  for (const [id, shop, topic, at, status] of ROWS) {
    await database.pool.query(
      `INSERT INTO webhook_inbox (webhook_id, shop, topic, api_version, received_at, status, payload, payload_bytes, workflow_id)
       VALUES ($1, $2, $3, '2026-07', $4::timestamptz, $5, '{}'::jsonb, 2, 'webhook-' || $1)`,
      [id, shop, topic, at, status],
    );
  }
});
afterAll(() => database?.close());

it('pages one at a time through ties inside a millisecond: every dead row once, in (received_at, id) order', async () => {
  const seen: string[] = [];
  let after;
  for (let page = 0; page < 10; page++) {
    const result = await queries.list({}, { limit: 1, after });
    expect(result.total).toBe(4);
    seen.push(...result.webhooks.map((w) => w.webhookId));
    if (!result.nextCursor) break;
    after = decodeDeadWebhookCursor(result.nextCursor);
  }
  expect(seen).toEqual(['w1', 'w0', 'w2', 'w3']);
});

it('filters by shop, topic and [since, until)', async () => {
  const ids = async (filter: Parameters<DeadWebhookQueries['list']>[0]) => (await queries.list(filter, { limit: 100 })).webhooks.map((w) => w.webhookId);
  expect(await ids({ shop: 'a.myshopify.com', topic: 'orders/create' })).toEqual(['w1', 'w2']);
  expect(await ids({ since: new Date('2026-07-02T00:00:00Z') })).toEqual(['w3']);
  expect(await ids({ until: new Date('2026-07-02T00:00:00Z') })).toEqual(['w1', 'w0', 'w2']);
});

it('refuses cursors it did not write', () => {
  expect(decodeDeadWebhookCursor('not a cursor')).toBeUndefined();
  expect(decodeDeadWebhookCursor(Buffer.from('["x","y"]').toString('base64url'))).toBeUndefined();
});

it('replays by ID only dead rows, answering each; in bulk only dead rows matching the filter', async () => {
  expect(await queries.replayIds(['w1', 'w4', 'nope'])).toEqual([
    { webhookId: 'w1', outcome: 'queued', workflowId: 'webhook-w1', replayCount: 1 },
    { webhookId: 'w4', outcome: 'not_dead', status: 'processed' },
    { webhookId: 'nope', outcome: 'not_found' },
  ]);
  expect((await queries.replayMatching({ shop: 'b.myshopify.com' })).sort()).toEqual(['w0']);
  expect((await queries.replayMatching({})).sort()).toEqual(['w2', 'w3']);
  const { rows } = await database.pool.query(`SELECT webhook_id, status, replay_count FROM webhook_inbox ORDER BY webhook_id`);
  expect(rows).toEqual([
    { webhook_id: 'w0', status: 'pending', replay_count: 1 },
    { webhook_id: 'w1', status: 'pending', replay_count: 1 },
    { webhook_id: 'w2', status: 'pending', replay_count: 1 },
    { webhook_id: 'w3', status: 'pending', replay_count: 1 },
    { webhook_id: 'w4', status: 'processed', replay_count: 0 },
  ]);
  expect((await queries.list({}, { limit: 10 })).total).toBe(0);
});
