import type { Client } from '@temporalio/client';
import type { Logger } from '../logger';
import { ensureSchedule } from './ensureSchedule';

export const CATALOG_IMPORT_SCHEDULE_ID = 'catalog-import-nightly';

/** The nightly full import: runs nightlyCatalogImportsWorkflow on a cron. */
export async function ensureCatalogImportSchedule(client: Client, options: { cron: string; taskQueue: string; logger: Logger }): Promise<void> {
  await ensureSchedule(client, { scheduleId: CATALOG_IMPORT_SCHEDULE_ID, spec: { cronExpressions: [options.cron] }, workflowType: 'nightlyCatalogImportsWorkflow', taskQueue: options.taskQueue, logger: options.logger });
}
