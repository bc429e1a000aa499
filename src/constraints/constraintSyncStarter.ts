import type { Client } from '@temporalio/client';
import { constraintSyncWorkflowId } from '../domain/constraints/constraintSyncIds';
import { DependencyUnavailableError } from '../errors';
import { B2B_SHOP } from '../workflows/searchAttributes';
import type { ShopRepository } from '../repositories/shopRepository';
import type { constraintSyncWorkflow } from '../workflows/constraintSyncWorkflow';

export type StartSyncOutcome = { outcome: 'started'; workflowId: string } | { outcome: 'shop_not_installed' };

/**
 * Runs a shop's constraint sync now, for the API and the CLI: signal-with-start, so a
 * running sync makes one more pass instead of a second sync racing the first.
 */
export function createConstraintSyncStarter(deps: { temporal: Client; taskQueue: string; shops: Pick<ShopRepository, 'accessToken'> }) {
  return {
    async start(shop: string, mode: 'full' | 'dirty'): Promise<StartSyncOutcome> {
      if (!(await deps.shops.accessToken(shop))) return { outcome: 'shop_not_installed' };
      const workflowId = constraintSyncWorkflowId(shop);
      try {
        await deps.temporal.workflow.signalWithStart<typeof constraintSyncWorkflow, []>('constraintSyncWorkflow', {
          workflowId,
          taskQueue: deps.taskQueue,
          args: [{ shop, mode }],
          signal: 'constraintsDirty',
          signalArgs: [],
          typedSearchAttributes: [{ key: B2B_SHOP, value: shop }],
        });
      } catch (err) {
        throw new DependencyUnavailableError(`the sync could not be started (Temporal unavailable): ${err instanceof Error ? err.message : String(err)}; retry`, 'CONSTRAINT_SYNC_NOT_STARTED');
      }
      return { outcome: 'started', workflowId };
    },
  };
}

export type ConstraintSyncStarter = ReturnType<typeof createConstraintSyncStarter>;
