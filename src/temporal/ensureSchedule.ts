import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleSpec } from '@temporalio/client';
import type { Logger } from '../logger';

/**
 * Creates a Temporal Schedule (visible and pausable in the Web UI) that starts one
 * workflow type, or updates it when its spec changed. Overlapping runs are skipped.
 * The schedule's ID is also the started workflow's ID prefix: business keys, not random.
 */
export async function ensureSchedule(client: Client, options: { scheduleId: string; spec: ScheduleSpec; workflowType: string; taskQueue: string; logger: Logger }): Promise<void> {
  const { scheduleId, spec } = options;
  const action = { type: 'startWorkflow' as const, workflowType: options.workflowType, taskQueue: options.taskQueue, workflowId: scheduleId, args: [] };
  try {
    await client.schedule.create({ scheduleId, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
    options.logger.info({ scheduleId }, 'schedule created');
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
  }
}
