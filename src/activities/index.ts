import type { Client } from '@temporalio/client';
import { createConstraintSyncStarter } from '../constraints/constraintSyncStarter';
import type { Db } from '../db/client';
import type { DeadEventSettings } from '../observability/deadEventNotifier';
import type { Logger } from '../logger';
import { createCartRepository } from '../repositories/cartRepository';
import { createShopRepository } from '../repositories/shopRepository';
import { createRulesRepository } from '../repositories/rulesRepository';
import { createCatalogImportRepository } from '../repositories/catalogImportRepository';
import type { ShopClients } from '../shopify/client/shopClients';
import { createConstraintSourceRepository } from '../repositories/constraintSourceRepository';
import { createMetafieldSyncStateRepository } from '../repositories/metafieldSyncStateRepository';
import { createConstraintSyncActivities, DEFAULT_CONSTRAINT_SYNC_SETTINGS, type ConstraintSyncActivities, type ConstraintSyncSettings } from './constraintSyncActivities';
import { createConstraintPushActivities, type ConstraintPushActivities } from './constraintPushActivities';
import { createCatalogImportActivities, type CatalogImportActivities, type CatalogImportSettings } from './catalogImportActivities';
import { createDraftOrderActivities, type DraftOrderActivities, type DraftOrderSettings } from './draftOrderActivities';
import { createInboxActivities } from './inboxActivities';
import { createShopListActivities, type ShopListActivities } from './shopListActivities';
import type { WebhookActivities } from './types';
import { createWebhookHandlerActivities } from './webhookHandlers';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
  shopify: ShopClients;
  catalog: CatalogImportSettings;
  drafts: DraftOrderSettings;
  constraintSync?: Partial<ConstraintSyncSettings>;
  /** Where dead events are announced (DEAD_EVENT_WEBHOOK_URL) and how hard to try. */
  deadEvents?: Partial<DeadEventSettings>;
  /** For activities that start workflows (the constraint push); without it they defer. */
  temporal?: { client: Client; taskQueue: string };
}

export type Activities = WebhookActivities & CatalogImportActivities & ShopListActivities & DraftOrderActivities & ConstraintSyncActivities & ConstraintPushActivities;

/** The one place activities are built; the worker registers what this returns. */
export function createActivities(deps: ActivityDeps): Activities {
  return {
    ...createInboxActivities(deps),
    ...createWebhookHandlerActivities(deps),
    ...createShopListActivities(deps),
    ...createCatalogImportActivities({
      pool: deps.db.$client,
      imports: createCatalogImportRepository(deps.db),
      shopify: deps.shopify,
      settings: deps.catalog,
      logger: deps.logger.child({ component: 'catalog-import' }),
    }),
    ...createDraftOrderActivities({
      pool: deps.db.$client,
      carts: createCartRepository(deps.db),
      rules: createRulesRepository(deps.db.$client),
      shopify: deps.shopify,
      settings: deps.drafts,
      logger: deps.logger.child({ component: 'draft-orders' }),
    }),
    ...createConstraintSyncActivities({
      sources: createConstraintSourceRepository(deps.db.$client),
      state: createMetafieldSyncStateRepository(deps.db.$client),
      shopify: deps.shopify,
      settings: { ...DEFAULT_CONSTRAINT_SYNC_SETTINGS, ...deps.constraintSync },
      logger: deps.logger.child({ component: 'constraint-sync' }),
    }),
    ...createConstraintPushActivities({
      starter: deps.temporal ? createConstraintSyncStarter({ temporal: deps.temporal.client, taskQueue: deps.temporal.taskQueue, shops: createShopRepository(deps.db) }) : undefined,
      logger: deps.logger.child({ component: 'constraint-sync' }),
    }),
  };
}
