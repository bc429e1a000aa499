import type { Db } from '../db/client';
import type { Logger } from '../logger';
import { createCatalogImportRepository } from '../repositories/catalogImportRepository';
import type { ShopClients } from '../shopify/client/shopClients';
import { createCatalogImportActivities, type CatalogImportActivities, type CatalogImportSettings } from './catalogImportActivities';
import { createInboxActivities } from './inboxActivities';
import { createShopListActivities, type ShopListActivities } from './shopListActivities';
import type { WebhookActivities } from './types';
import { createWebhookHandlerActivities } from './webhookHandlers';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
  shopify: ShopClients;
  catalog: CatalogImportSettings;
}

export type Activities = WebhookActivities & CatalogImportActivities & ShopListActivities;

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
  };
}
