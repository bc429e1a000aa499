import type { Logger } from '../logger';
import type { ConstraintSyncStarter } from '../constraints/constraintSyncStarter';
import { errorMessage } from '../errors';

export interface ConstraintPushActivities {
  /**
   * Asks for the shop's dirty marks to be pushed now: signal-with-start of its constraint
   * sync. Best effort, never fails: the marks are in PostgreSQL already, so if Temporal
   * refuses or is unreachable the next sync (order, schedule, operator) pushes them. A cart
   * must not wait or fail on it.
   */
  requestConstraintPush(input: { shop: string }): Promise<'requested' | 'not_installed' | 'deferred'>;
}

export function createConstraintPushActivities(deps: { starter: ConstraintSyncStarter | undefined; logger: Logger }): ConstraintPushActivities {
  return {
    async requestConstraintPush({ shop }) {
      if (!deps.starter) return 'deferred';
      try {
        const outcome = await deps.starter.start(shop, 'dirty');
        return outcome.outcome === 'started' ? 'requested' : 'not_installed';
      } catch (err) {
        deps.logger.warn({ shop, err: errorMessage(err) }, 'constraint push deferred to the next sync');
        return 'deferred';
      }
    },
  };
}
