import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import { DEFAULT_CART_SETTINGS, type RuntimeConfig } from '../config/config';
import type { Db } from '../db/client';
import { createPendingNotifier } from '../ingest/pendingSignal';
import { createWebhookIngestor } from '../ingest/webhookIngestor';
import { createWebhookWorkflowStarter } from '../ingest/webhookWorkflowStarter';
import type { Logger } from '../logger';
import { createCartDecisions } from '../carts/cartDecisions';
import { createCartSubmitter } from '../carts/cartSubmitter';
import { createCatalogImportStarter } from '../catalog/catalogImportStarter';
import { createConstraintSyncStarter } from '../constraints/constraintSyncStarter';
import { createApproverRepository } from '../repositories/approverRepository';
import { createCartRepository } from '../repositories/cartRepository';
import { createRulesRepository } from '../repositories/rulesRepository';
import { createCatalogImportRepository } from '../repositories/catalogImportRepository';
import { createInboxRepository } from '../repositories/inboxRepository';
import { createShopRepository } from '../repositories/shopRepository';
import { pingTemporal } from '../temporal/client';
import { createWorkflowStatusReader, workflowUrlBuilder } from '../temporal/workflowStatus';
import { createPendingApprovals } from '../carts/pendingApprovals';
import { createDeadWebhookQueries } from '../repositories/deadWebhookQueries';
import { createApiMetrics, type ApiMetrics } from '../observability/apiMetrics';
import { registerOperationalMetrics } from '../observability/operationalMetrics';
import { createApp } from './app';

export interface ApiDeps {
  config: Pick<RuntimeConfig, 'port' | 'shopifyApiSecrets' | 'internalAuthSecret' | 'adminApiToken' | 'webhookMaxBytes'> &
    Partial<Pick<RuntimeConfig, 'carts' | 'env' | 'metricsToken'>> & {
    temporal: Pick<RuntimeConfig['temporal'], 'taskQueue'> & Partial<Pick<RuntimeConfig['temporal'], 'uiUrl'>>;
  };
  db: Db;
  temporal: Client;
  logger: Logger;
  extraRouters?: Router[];
  host?: string;
  /** How long close() lets in-flight requests finish before cutting their connections. */
  drainTimeoutMs?: number;
}

/** Below Shopify's 5 s delivery timeout plus margin: a request still running then is stuck, and Shopify redelivers. */
const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

export interface RunningApi {
  url: string;
  server: Server;
  metrics: ApiMetrics;
  close(): Promise<void>;
}

/**
 * Builds the HTTP API and starts listening. The API only records; the relay that starts
 * workflows runs with the worker (startWorker), told about new rows by NOTIFY.
 */
export async function startApi(deps: ApiDeps): Promise<RunningApi> {
  const { config, db, temporal, logger } = deps;
  const inbox = createInboxRepository(db);
  const starter = createWebhookWorkflowStarter(temporal, config.temporal.taskQueue);
  const pending = createPendingNotifier(db.$client, logger);
  const ingestor = createWebhookIngestor({ inbox, starter, logger, onPending: () => pending.notify() });
  const imports = createCatalogImportRepository(db);
  const catalogImports = {
    imports,
    starter: createCatalogImportStarter({ temporal, taskQueue: config.temporal.taskQueue, imports, shops: createShopRepository(db) }),
  };
  const carts = createCartRepository(db);
  const approvers = createApproverRepository(db);
  const cartSettings = config.carts ?? DEFAULT_CART_SETTINGS;
  const decisions = createCartDecisions({ temporal, carts, approvers });
  const metrics = createApiMetrics();
  registerOperationalMetrics(metrics.registry, db.$client);
  const app = createApp({
    metrics,
    catalogImports,
    workflowUrl: workflowUrlBuilder(config.temporal.uiUrl, temporal.options.namespace),
    constraintSync: { starter: createConstraintSyncStarter({ temporal, taskQueue: config.temporal.taskQueue, shops: createShopRepository(db) }) },
    carts: {
      carts,
      submitter: createCartSubmitter({ temporal, taskQueue: config.temporal.taskQueue, carts, settings: cartSettings }),
      decisions,
      approvers,
      rules: createRulesRepository(db.$client),
      maxLines: cartSettings.maxLines,
      secureCookies: config.env === 'production',
    },
    operator: {
      deadWebhooks: createDeadWebhookQueries(db),
      workflows: createWorkflowStatusReader({ temporal, uiUrl: config.temporal.uiUrl }),
      pendingApprovals: createPendingApprovals({ decisions, carts }),
    },
    logger,
    verify: { shopifyApiSecrets: config.shopifyApiSecrets, internalAuthSecret: config.internalAuthSecret },
    webhookMaxBytes: config.webhookMaxBytes,
    adminApiToken: config.adminApiToken,
    metricsToken: config.metricsToken,
    ingestor,
    inbox,
    health: {
      postgres: async () => {
        await db.$client.query('SELECT 1');
      },
      temporal: () => pingTemporal(temporal),
    },
    kickRelay: () => pending.notify(),
    extraRouters: deps.extraRouters,
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, deps.host ?? '0.0.0.0', () => resolve(s));
    s.once('error', reject);
  });
  // Shopify's client keeps connections alive; outlive its idle timeout so sockets are not cut mid-request.
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${deps.host && deps.host !== '0.0.0.0' ? deps.host : 'localhost'}:${port}`;

  const drainTimeoutMs = deps.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  return {
    url,
    server,
    metrics,
    async close() {
      // Stop accepting and let in-flight requests finish. A keep-alive connection is closed
      // as soon as it is idle, so a client's next request goes elsewhere instead of here.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idleCloser = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => {
        logger.warn({ drainTimeoutMs }, 'in-flight requests did not finish in time; closing their connections');
        server.closeAllConnections();
      }, drainTimeoutMs);
      await closed;
      clearInterval(idleCloser);
      clearTimeout(deadline);
    },
  };
}
