import { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { InboxActivityDeps } from '../activities/inboxActivities';
import type { CatalogImportSettings } from '../activities/catalogImportActivities';
import type { DraftOrderSettings } from '../activities/draftOrderActivities';
import { createShopRepository } from '../repositories/shopRepository';
import { createAdminClient, type AdminClientConfig } from '../shopify/client/adminClient';
import { createPgThrottleStore } from '../shopify/client/pgThrottleStore';
import { createShopClients } from '../shopify/client/shopClients';
import { ensureCatalogImportSchedule } from '../temporal/catalogImportSchedule';
import { ensureConstraintSyncSchedule } from '../temporal/constraintSyncSchedule';
import { registerSearchAttributes } from '../temporal/registerSearchAttributes';
import type { ConstraintSyncSettings } from '../activities/constraintSyncActivities';
import type { Db } from '../db/client';
import { InboxRelay, type RelayOptions } from '../ingest/inboxRelay';
import { listenForPending } from '../ingest/pendingSignal';
import { createWebhookWorkflowStarter } from '../ingest/webhookWorkflowStarter';
import type { Logger } from '../logger';
import { createInboxRepository } from '../repositories/inboxRepository';
import { createWorker } from './createWorker';

export interface WorkerDeps {
  address: string;
  namespace: string;
  taskQueue: string;
  db: Db;
  logger: Logger;
  workflowBundlePath?: string;
  /** How the worker reaches Shopify's Admin API (or the simulator). */
  shopify: Omit<AdminClientConfig, 'baseUrlTemplate'> & { adminBaseUrl: string };
  catalog?: Partial<CatalogImportSettings>;
  drafts?: Partial<DraftOrderSettings>;
  /** Cron of the nightly full catalog import (a Temporal Schedule); none when unset. */
  catalogImportSchedule?: string;
  /** Interval of the full constraint → metafield sync (a Temporal Schedule, e.g. "15m"); none when unset. */
  constraintSyncEvery?: string;
  constraintSync?: Partial<ConstraintSyncSettings>;
  /** Dead-event notices: DEAD_EVENT_WEBHOOK_URL (and, in tests, shorter timeouts). */
  deadEvents?: InboxActivityDeps['deadEvents'];
  /** The inbox relay runs beside the worker unless disabled (false). */
  relay?: Partial<RelayOptions> | false;
}

export interface RunningWorker {
  worker: Worker;
  relay: InboxRelay | undefined;
  /** Resolves when the worker has stopped (after shutdown() or a fatal error). */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Connects, builds the activities and runs a worker until shut down, with the inbox relay
 * beside it. The relay shares the worker's connection so it can start workflows eagerly:
 * the first workflow task comes back in the start response instead of through matching.
 */
export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: deps.address });
  await registerSearchAttributes(connection, deps.namespace, deps.logger);
  const activityDeps: ActivityDeps = {
    db: deps.db,
    logger: deps.logger,
    shopify: shopClientsFor(deps),
    catalog: { maxRejects: 1_000, ...deps.catalog },
    drafts: { maxLinesPerDraft: 499, completion: 'payment_pending', searchSettleMs: 5_000, ...deps.drafts },
    ...(deps.constraintSync ? { constraintSync: deps.constraintSync } : {}),
    ...(deps.deadEvents ? { deadEvents: deps.deadEvents } : {}),
    temporal: { client: new Client({ connection, namespace: deps.namespace }), taskQueue: deps.taskQueue },
  };
  const worker = await createWorker({
    connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    activities: createActivities(activityDeps),
    workflowBundlePath: deps.workflowBundlePath,
  });
  const done = worker.run().finally(() => connection.close());
  if (deps.catalogImportSchedule) {
    await ensureCatalogImportSchedule(new Client({ connection, namespace: deps.namespace }), {
      cron: deps.catalogImportSchedule,
      taskQueue: deps.taskQueue,
      logger: deps.logger,
    });
  }
  if (deps.constraintSyncEvery) {
    await ensureConstraintSyncSchedule(new Client({ connection, namespace: deps.namespace }), { every: deps.constraintSyncEvery, taskQueue: deps.taskQueue, logger: deps.logger });
  }
  let relay: InboxRelay | undefined;
  let listener: { stop(): Promise<void> } | undefined;
  if (deps.relay !== false) {
    const client = new Client({ connection, namespace: deps.namespace });
    relay = new InboxRelay({
      inbox: createInboxRepository(deps.db),
      starter: createWebhookWorkflowStarter(client, deps.taskQueue, { eagerStart: true }),
      logger: deps.logger.child({ component: 'relay' }),
      options: deps.relay,
    });
    relay.start();
    const r = relay;
    listener = listenForPending(deps.db.$client, () => r.kick(), deps.logger);
  }
  return {
    worker,
    relay,
    done,
    async shutdown() {
      await listener?.stop();
      await relay?.stop();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

/**
 * One Admin client per worker process; its cost bucket and per-shop concurrency live in
 * PostgreSQL, shared with every other worker process calling the same shops.
 */
function shopClientsFor(deps: WorkerDeps) {
  const { adminBaseUrl, ...config } = deps.shopify;
  const client = createAdminClient(
    { ...config, baseUrlTemplate: adminBaseUrl },
    { throttle: createPgThrottleStore(deps.db), logger: deps.logger.child({ component: 'shopify' }) },
  );
  return createShopClients(client, createShopRepository(deps.db));
}
