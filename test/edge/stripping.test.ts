import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { routeTopic, type WebhookHandlerName } from '../../src/domain/webhooks/topicRoutes';
import { stripToFields, stripWebhookBody } from '../../src/edge/stripPayload';
import { mapBulkOperationFinishPayload } from '../../src/shopify/payloads/bulkOperation';
import { mapCustomerPrivacyPayload } from '../../src/shopify/payloads/compliance';
import { mapCompanyLocationPayload, mapCompanyPayload, mapCustomerPayload } from '../../src/shopify/payloads/customer';
import { mapInventoryLevelPayload, mapLocationPayload } from '../../src/shopify/payloads/inventory';
import { mapOrderPayload } from '../../src/shopify/payloads/order';
import { payloadFieldsFor } from '../../src/shopify/payloads/payloadFields';
import { mapDeletedId, mapProductPayload } from '../../src/shopify/payloads/product';
import { fixture } from '../helpers/webhooks';
import { largeOrder } from '../helpers/largeOrder';

/**
 * What each handler reads from a payload: the parse/mapping call of its line in
 * src/activities/webhookHandlers.ts (APPLY). Typed over every handler, so a new handler
 * must be added here, and so be proven, before this compiles.
 */
const READ: Record<WebhookHandlerName, (payload: unknown) => unknown> = {
  applyOrder: mapOrderPayload,
  applyProduct: mapProductPayload,
  deleteProduct: (p) => mapDeletedId(p, 'Product'),
  applyInventoryLevel: mapInventoryLevelPayload,
  disconnectInventoryLevel: mapInventoryLevelPayload,
  applyLocation: mapLocationPayload,
  deleteLocation: (p) => mapDeletedId(p, 'Location'),
  applyCustomer: mapCustomerPayload,
  deleteCustomer: (p) => mapDeletedId(p, 'Customer'),
  applyCompany: mapCompanyPayload,
  deleteCompany: (p) => mapDeletedId(p, 'Company'),
  applyCompanyLocation: mapCompanyLocationPayload,
  deleteCompanyLocation: (p) => mapDeletedId(p, 'CompanyLocation'),
  uninstallShop: () => 'reads only the headers',
  recordCustomerDataRequest: (p) => mapCustomerPrivacyPayload(p, 'customers/data_request'),
  redactCustomer: (p) => mapCustomerPrivacyPayload(p, 'customers/redact'),
  redactShop: () => 'reads only the headers',
  routeBulkOperationFinish: mapBulkOperationFinishPayload,
};

/** The record the origin builds from a payload, or the error it raises: either must survive stripping. */
function originReads(topic: string, payload: unknown): unknown {
  const route = routeTopic(topic);
  if (route.kind !== 'handle') throw new Error(`${topic} is not handled`);
  try {
    return { record: READ[route.handler](payload) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The edge's whole transformation: bytes in, bytes out, parsed as the origin parses them. */
function throughTheEdge(topic: string, payload: unknown): { stripped: unknown; bytesIn: number; bytesOut: number } {
  const raw = new TextEncoder().encode(JSON.stringify(payload));
  const result = stripWebhookBody(raw, payloadFieldsFor(topic)!);
  if (!result.valid) throw new Error(result.reason);
  return { stripped: JSON.parse(new TextDecoder().decode(result.body)), bytesIn: raw.length, bytesOut: result.body.length };
}

const FIXTURE_TOPICS = readdirSync(path.resolve(__dirname, '../fixtures/webhooks'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, '').replace('__', '/'))
  .filter((topic) => routeTopic(topic).kind === 'handle');

/** locations/* has no fixture file; a payload with the documented Location fields. */
const LOCATION = {
  id: 81234567425,
  admin_graphql_api_id: 'gid://shopify/Location/81234567425',
  name: 'Reno warehouse',
  address1: '1 Dock Rd',
  address2: null,
  city: 'Reno',
  zip: '89501',
  province: 'Nevada',
  country: 'US',
  phone: '',
  created_at: '2026-01-02T10:00:00-05:00',
  updated_at: '2026-07-01T10:00:00-05:00',
  country_code: 'US',
  country_name: 'United States',
  province_code: 'NV',
  legacy: false,
  active: true,
};

const EXAMPLES: [topic: string, payload: () => unknown][] = [
  ...FIXTURE_TOPICS.map((topic): [string, () => unknown] => [topic, () => fixture(topic)]),
  ['orders/updated', () => fixture('orders/create')],
  ['locations/update', () => LOCATION],
  ['locations/delete', () => ({ id: LOCATION.id })],
  ['inventory_levels/disconnect', () => fixture('inventory_levels/update')],
  ['orders/create (1,000 lines)', () => largeOrder(6_200_000_001, 1_000)],
];

const topicOf = (name: string) => name.split(' ')[0]!;

describe('stripping keeps every field the origin reads', () => {
  it('covers every handler with an example', () => {
    const covered = new Set(EXAMPLES.map(([name]) => (routeTopic(topicOf(name)) as { handler: string }).handler));
    expect([...covered].sort()).toEqual(Object.keys(READ).sort());
  });

  it.each(EXAMPLES)('%s: the origin builds the same record from the stripped payload', (name, payload) => {
    const topic = topicOf(name);
    const full = payload();
    const { stripped, bytesIn, bytesOut } = throughTheEdge(topic, full);

    const read = originReads(topic, full);
    expect(read).not.toHaveProperty('error');
    expect(originReads(topic, stripped)).toEqual(read);
    expect(bytesOut).toBeLessThanOrEqual(bytesIn);
  });

  it('a 1,000-line orders/create shrinks to under a quarter of its bytes', () => {
    const { bytesIn, bytesOut } = throughTheEdge('orders/create', largeOrder(6_200_000_002, 1_000));
    expect(bytesIn).toBeGreaterThan(1_000_000);
    expect(bytesOut / bytesIn).toBeLessThan(0.25);
  });
});

describe('stripping never changes what the origin decides, even for broken payloads', () => {
  /** Every path to a value in a JSON document, arrays included. */
  function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (value === null || typeof value !== 'object') return [prefix];
    const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    return [prefix, ...children.flatMap(([key, child]) => paths(child, [...prefix, key]))];
  }

  function mutate(payload: any, at: (string | number)[], action: { kind: 'delete' } | { kind: 'set'; value: unknown }): any {
    const copy = structuredClone(payload);
    if (at.length === 0) return action.kind === 'set' ? action.value : copy;
    const parent = at.slice(0, -1).reduce((node, key) => node[key], copy);
    const key = at[at.length - 1]!;
    if (action.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else {
      parent[key] = action.value;
    }
    return copy;
  }

  const action = fc.oneof(
    fc.constant({ kind: 'delete' as const }),
    fc.constantFrom(null, 'x', '12.50', 0, -1, 2 ** 60, true, {}, [], [{}], '2026-07-01T00:00:00Z').map((value) => ({ kind: 'set' as const, value })),
  );

  it.each(EXAMPLES.filter(([name]) => !name.includes('1,000')))('%s with a field deleted or retyped', (name, payload) => {
    const topic = topicOf(name);
    const base = payload();
    const all = paths(base);
    fc.assert(
      fc.property(fc.nat(all.length - 1), action, (index, act) => {
        const broken = mutate(base, all[index]!, act);
        if (broken === null || typeof broken !== 'object' || Array.isArray(broken)) return; // the edge refuses non-objects (400)
        expect(originReads(topic, stripToFields(broken, payloadFieldsFor(topic)!))).toEqual(originReads(topic, broken));
      }),
      { numRuns: 150 },
    );
  });
});
