import pino from 'pino';
import { startHarness, TEST_SHOP, TEST_TOKEN, type Harness, type Json } from '../../sim/shopify/testing/harness';
import type { ShopRegistration } from '../../sim/shopify/shop/shopRegistration';
import type { RequestStats } from '../../sim/shopify/shop/shopState';
import { createAdminClient, type AdminClientConfig } from '../../src/shopify/client/adminClient';
import { createMemoryThrottleStore, type ThrottleStore } from '../../src/shopify/client/throttleStore';
import { createOperationCostEstimator } from '../../src/shopify/cost/operationCost';
import { defineOperation } from '../../src/shopify/operations/defineOperation';
import { loadAdminSchema } from '../../src/shopify/schema/loadSchema';

/**
 * The real client pointed at a running simulator, as the worker builds it (static cost
 * estimates from the real schema), with knobs tests turn.
 */
export function simClient(h: Harness, options: { throttle?: ThrottleStore; config?: Partial<AdminClientConfig> } = {}) {
  const client = createAdminClient(
    {
      baseUrlTemplate: `${h.url}/{shop}`,
      apiVersion: '2026-07',
      requestTimeoutMs: 5_000,
      maxConcurrencyPerShop: 4,
      retry: { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 200 },
      ...options.config,
    },
    {
      throttle: options.throttle ?? createMemoryThrottleStore(),
      logger: pino({ level: 'silent' }),
      estimateCost: createOperationCostEstimator(loadAdminSchema()),
    },
  );
  return client.forShop(TEST_SHOP, TEST_TOKEN);
}

/**
 * A cost-heavy read (2 + first points): one page of the catalog's variants. Not one of the
 * service's operations, only load for the throttle; the simulator still validates it
 * against the real schema.
 */
export const VariantsPage = defineOperation<{ productVariants: { nodes: { id: string; sku: string | null }[] } }, { first: number }>(/* GraphQL */ `
  query VariantsPage($first: Int!) {
    productVariants(first: $first) {
      nodes {
        id
        sku
      }
    }
  }
`);

export type ShopStats = Omit<RequestStats, 'inFlight'>;

export async function shopState(h: Harness, shop = TEST_SHOP): Promise<Json> {
  const res = await h.admin('GET', `/_sim/shops/${shop}/state`);
  if (res.status !== 200) throw new Error(`state of ${shop}: HTTP ${res.status}`);
  return res.body;
}

export const shopStats = async (h: Harness): Promise<ShopStats> => (await shopState(h)).requestStats as ShopStats;

export async function setFaults(h: Harness, rules: Json[]): Promise<void> {
  const res = await h.admin('PUT', '/_sim/faults', { rules });
  if (res.status !== 200) throw new Error(`faults refused: ${JSON.stringify(res.body)}`);
}

export async function drainBucket(h: Harness, currentlyAvailable = 0): Promise<void> {
  const res = await h.admin('PUT', `/_sim/shops/${TEST_SHOP}/throttle`, { currentlyAvailable });
  if (res.status !== 200) throw new Error(`drain refused: ${JSON.stringify(res.body)}`);
}

export const startSim = (shop: Partial<ShopRegistration> = {}) => startHarness({}, shop);
