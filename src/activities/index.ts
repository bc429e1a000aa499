import type { Db } from '../db/client';
import type { Logger } from '../logger';
import { createInboxActivities } from './inboxActivities';
import type { WebhookActivities } from './types';
import { createWebhookHandlerActivities } from './webhookHandlers';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
}

export type Activities = WebhookActivities;

/** The one place activities are built; the worker registers what this returns. */
export function createActivities(deps: ActivityDeps): Activities {
  return {
    ...createInboxActivities(deps),
    ...createWebhookHandlerActivities(deps),
  };
}
