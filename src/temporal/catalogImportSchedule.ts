import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Logger } from '../logger';

export const CATALOG_IMPORT_SCHEDULE_ID = 'catalog-import-nightly';

/**
 * The nightly full import: a Temporal Schedule (visible and pausable in the Web UI) that
 * runs nightlyCatalogImportsWorkflow. Created at worker start, or updated when the cron
 * changed; overlapping runs are skipped.
 */
export async function ensureCatalogImportSchedule(client: Client, options: { cron: string; taskQueue: string; logger: Logger }): Promise<void> {
  const spec = { cronExpressions: [options.cron] };
  const action = { type: 'startWorkflow' as const, workflowType: 'nightlyCatalogImportsWorkflow', taskQueue: options.taskQueue, workflowId: CATALOG_IMPORT_SCHEDULE_ID, args: [] };
  try {
    await client.schedule.create({ scheduleId: CATALOG_IMPORT_SCHEDULE_ID, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
    options.logger.info({ scheduleId: CATALOG_IMPORT_SCHEDULE_ID, cron: options.cron }, 'catalog import schedule created');
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(CATALOG_IMPORT_SCHEDULE_ID).update((previous) => ({ ...previous, spec, action }));
  }
}
