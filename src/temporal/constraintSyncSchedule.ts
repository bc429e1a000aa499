import type { Client } from '@temporalio/client';
import { CONSTRAINT_SYNC_SCHEDULE_ID } from '../domain/constraints/constraintSyncIds';
import type { Logger } from '../logger';
import { ensureSchedule } from './ensureSchedule';

/**
 * The periodic full constraint sync (every `every`, e.g. "15m"): catches what no event
 * announced — rule edits, carts that became or stopped being in flight, a new period
 * resetting quotas — and repairs metafields changed outside this service.
 */
export async function ensureConstraintSyncSchedule(client: Client, options: { every: string; taskQueue: string; logger: Logger }): Promise<void> {
  await ensureSchedule(client, { scheduleId: CONSTRAINT_SYNC_SCHEDULE_ID, spec: { intervals: [{ every: options.every as `${number}m` }] }, workflowType: 'constraintSyncAllShopsWorkflow', taskQueue: options.taskQueue, logger: options.logger });
}
