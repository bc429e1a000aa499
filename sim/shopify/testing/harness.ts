import { createShopifySimulator, type RunningSimulator, type ShopifySimulator } from '../createShopifySimulator';
import type { ShopifySimulatorOptions } from '../options';
import type { ShopRegistration } from '../shop/shopRegistration';

/** Response bodies in tests are navigated freely (`body.data.x.y`); the assertions check their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/**
 * A running simulator with one registered shop and small helpers to talk to it over real
 * HTTP, for the simulator's own tests (and for client tests that want the same).
 */
export const TEST_SHOP = 'acme-wholesale.myshopify.com';
export const TEST_TOKEN = 'shpat_test_token';

export interface Harness {
  sim: ShopifySimulator;
  running: RunningSimulator;
  url: string;
  graphqlUrl: string;
  gql(query: string, variables?: Record<string, unknown>, options?: { token?: string; version?: string; operationName?: string }): Promise<{ status: number; body: Json; headers: Headers }>;
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

export async function startHarness(options: ShopifySimulatorOptions = {}, shop: Partial<ShopRegistration> = {}): Promise<Harness> {
  const sim = createShopifySimulator({ ...options, shops: [{ shop: TEST_SHOP, accessToken: TEST_TOKEN, plan: 'plus', ...shop }, ...(options.shops ?? [])] });
  const running = await sim.listen();
  const domain = shop.shop ?? TEST_SHOP;
  const graphqlUrl = (version = '2026-07') => `${running.url}/${domain}/admin/api/${version}/graphql.json`;
  return {
    sim,
    running,
    url: running.url,
    graphqlUrl: graphqlUrl(),
    async gql(query, variables, opts = {}) {
      const res = await fetch(graphqlUrl(opts.version), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shopify-access-token': opts.token ?? TEST_TOKEN },
        body: JSON.stringify({ query, variables, operationName: opts.operationName }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
    async admin(method, path, body) {
      const res = await fetch(`${running.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    close: () => running.close(),
  };
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
