import express, { type Express, type Router } from 'express';
import type { WebhookIngestor } from '../ingest/webhookIngestor';
import type { VerifyConfig } from '../ingest/verifyWebhookRequest';
import type { Logger } from '../logger';
import type { InboxRepository } from '../repositories/inboxRepository';
import type { CatalogImportStarter } from '../catalog/catalogImportStarter';
import type { CatalogImportRepository } from '../repositories/catalogImportRepository';
import type { CartDecisions } from '../carts/cartDecisions';
import type { CartSubmitter } from '../carts/cartSubmitter';
import type { ApproverRepository } from '../repositories/approverRepository';
import type { CartRepository } from '../repositories/cartRepository';
import type { RulesRepository } from '../repositories/rulesRepository';
import { adminAuth } from './middleware/adminAuth';
import { errorHandler } from './middleware/errorHandler';
import { approvalsRoutes } from './routes/approvals';
import { approverRoutes } from './routes/approvers';
import { cartRoutes } from './routes/carts';
import { validateCartRoutes } from './routes/validateCart';
import { catalogImportRoutes } from './routes/catalogImports';
import { constraintSyncRoutes } from './routes/constraintSync';
import type { ConstraintSyncStarter } from '../constraints/constraintSyncStarter';
import type { WorkflowUrl } from '../temporal/workflowStatus';
import { healthRoutes, type HealthChecks } from './routes/health';
import { shopifyWebhookRoutes } from './routes/shopifyWebhooks';
import { webhookReplayRoutes } from './routes/webhookReplay';
import { operatorRoutes, type OperatorDeps } from './routes/operatorRoutes';
import { metricsRoutes } from './routes/metrics';
import type { ApiMetrics } from '../observability/apiMetrics';
import { requestLogging } from '../observability/requestLogging';
import { webhookMetrics } from '../observability/webhookMetrics';

export interface AppDeps {
  logger: Logger;
  verify: VerifyConfig;
  webhookMaxBytes: number;
  adminApiToken: string | undefined;
  /** Bearer token for GET /metrics; unset: open (restrict at the ingress). */
  metricsToken?: string | undefined;
  ingestor: WebhookIngestor;
  inbox: InboxRepository;
  health: HealthChecks;
  catalogImports: { starter: CatalogImportStarter; imports: CatalogImportRepository };
  constraintSync: { starter: ConstraintSyncStarter };
  /** The Temporal Web UI link of a workflow, for answers that start one. */
  workflowUrl: WorkflowUrl;
  carts: { submitter: CartSubmitter; decisions: CartDecisions; carts: CartRepository; approvers: ApproverRepository; rules: RulesRepository; maxLines: number; secureCookies: boolean };
  /** The operator CLI's routes: dead webhooks, bulk replay, workflow status, pending approvals. */
  operator: OperatorDeps;
  /** New work for the relay (a replay was queued). */
  kickRelay: () => void;
  /** The registry served at GET /metrics and the webhook counters the app moves. */
  metrics: ApiMetrics;
  /** Extra routers mounted before the error handler (benchmarks mount their ceiling route here). */
  extraRouters?: Router[];
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // First, so every answer (refusals from any layer included) has a request ID, a log line and its metrics.
  app.use(requestLogging(deps.logger));
  app.use(healthRoutes(deps.health));
  app.use(metricsRoutes(deps.metrics.registry, adminAuth(deps.metricsToken, 'METRICS_AUTH')));
  app.use('/webhooks/shopify', webhookMetrics(deps.metrics));
  app.use(shopifyWebhookRoutes({ verify: deps.verify, maxBytes: deps.webhookMaxBytes, ingestor: deps.ingestor }));
  app.use(webhookReplayRoutes({ inbox: deps.inbox, onQueued: deps.kickRelay, auth: adminAuth(deps.adminApiToken) }));
  app.use(catalogImportRoutes({ ...deps.catalogImports, auth: adminAuth(deps.adminApiToken), workflowUrl: deps.workflowUrl }));
  app.use(constraintSyncRoutes({ ...deps.constraintSync, auth: adminAuth(deps.adminApiToken), workflowUrl: deps.workflowUrl }));
  app.use(cartRoutes({ ...deps.carts, auth: adminAuth(deps.adminApiToken), workflowUrl: deps.workflowUrl }));
  app.use(validateCartRoutes({ rules: deps.carts.rules, maxLines: deps.carts.maxLines, auth: adminAuth(deps.adminApiToken) }));
  app.use(approvalsRoutes(deps.carts));
  app.use(approverRoutes({ approvers: deps.carts.approvers, auth: adminAuth(deps.adminApiToken) }));
  app.use(operatorRoutes({ ...deps.operator, onQueued: deps.kickRelay, auth: adminAuth(deps.adminApiToken) }));
  for (const router of deps.extraRouters ?? []) app.use(router);
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'no such route' } });
  });
  app.use(errorHandler(deps.logger));
  return app;
}
