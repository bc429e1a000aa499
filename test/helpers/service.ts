import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { DraftOrderSettings } from '../../src/activities/draftOrderActivities';
import { startApi, type RunningApi } from '../../src/api/startApi';
import { DEFAULT_CART_SETTINGS, type CartSettings } from '../../src/config/config';
import type { Db } from '../../src/db/client';
import type { RelayOptions } from '../../src/ingest/inboxRelay';
import { createLogger } from '../../src/logger';
import { createTemporalClient } from '../../src/temporal/client';
import { startWorker, type RunningWorker } from '../../src/worker/startWorker';
import { TEST_SECRET } from './webhooks';

export const testLogger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** The service's own client (its connection drains calls in flight before closing). */
export async function connectClient(address = process.env.TEST_TEMPORAL_ADDRESS!): Promise<Client> {
  const client = createTemporalClient(address, 'default');
  await client.connection.ensureConnected();
  return client;
}

export function lazyClient(address = process.env.TEST_TEMPORAL_ADDRESS!): Client {
  return createTemporalClient(address, 'default');
}

/**
 * The relay starts workflows a moment after the 200, so a test waits for the run to exist
 * before asking for its result.
 */
export async function workflowResult<T = any>(client: Client, workflowId: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return (await client.workflow.getHandle(workflowId).result()) as T;
    } catch (err) {
      if ((err as Error).name !== 'WorkflowNotFoundError' || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Where the test worker's Admin client goes: Shopify's address unless a test points it at a simulator. */
export interface TestShopifyOptions {
  adminBaseUrl: string;
  maxRejects?: number;
  catalogImportSchedule?: string;
  drafts?: Partial<DraftOrderSettings>;
}

export async function startTestWorker(
  db: Db,
  taskQueue: string,
  address = process.env.TEST_TEMPORAL_ADDRESS!,
  relay: Partial<RelayOptions> | false = {},
  shopify: TestShopifyOptions = { adminBaseUrl: 'https://{shop}' },
): Promise<RunningWorker> {
  return startWorker({
    address,
    namespace: 'default',
    taskQueue,
    db,
    shopify: { adminBaseUrl: shopify.adminBaseUrl, apiVersion: '2026-07', requestTimeoutMs: 10_000, maxConcurrencyPerShop: 4, retry: { maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 500 } },
    catalog: { maxRejects: shopify.maxRejects ?? 100, segmentBytes: 256 * 1024 },
    drafts: { maxLinesPerDraft: 499, completion: 'payment_pending', searchSettleMs: 0, ...shopify.drafts },
    catalogImportSchedule: shopify.catalogImportSchedule,
    logger: testLogger,
    workflowBundlePath: process.env.TEST_WORKFLOW_BUNDLE,
    relay: relay === false ? false : { pollIntervalMs: 200, minBackoffMs: 100, maxBackoffMs: 1_000, ...relay },
  });
}

export interface TestApiOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  secrets?: string[];
  internalAuthSecret?: string;
  adminApiToken?: string;
  metricsToken?: string;
  webhookMaxBytes?: number;
  carts?: Partial<CartSettings>;
}

export async function startTestApi(options: TestApiOptions): Promise<RunningApi> {
  return startApi({
    config: {
      port: 0,
      shopifyApiSecrets: options.secrets ?? [TEST_SECRET],
      internalAuthSecret: options.internalAuthSecret,
      adminApiToken: options.adminApiToken,
      metricsToken: options.metricsToken,
      webhookMaxBytes: options.webhookMaxBytes ?? 5 * 1024 * 1024,
      temporal: { taskQueue: options.taskQueue },
      ...(options.carts ? { carts: { ...DEFAULT_CART_SETTINGS, ...options.carts } } : {}),
    },
    db: options.db,
    temporal: options.temporal,
    logger: testLogger,
    host: '127.0.0.1',
  });
}
