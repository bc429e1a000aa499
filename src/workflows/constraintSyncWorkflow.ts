import { condition, continueAsNew, defineQuery, defineSignal, log, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { ConstraintSyncActivities, ConstraintSyncRequest, ConstraintSyncResult } from '../activities/constraintSyncActivities';

/** An order consumed quota (or a rule changed): the marked locations need pushing. */
export const constraintsDirtySignal = defineSignal('constraintsDirty');
export const constraintSyncStatusQuery = defineQuery<ConstraintSyncStatus>('status');

export interface ConstraintSyncStatus {
  runs: number;
  running: boolean;
  last: ConstraintSyncResult | null;
}

/**
 * A run pushes 10,000 locations in minutes when the shop's bucket is the limit: it
 * heartbeats, and a dead worker's run is retried after a minute without waiting for the
 * whole timeout. Transient faults retry for ever at a gentle pace; refusals do not.
 */
const sync = proxyActivities<ConstraintSyncActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', nonRetryableErrorTypes: ['SHOP_NOT_INSTALLED', 'METAFIELDS_REFUSED', 'CONSTRAINT_SYNC_DATA_ERROR'] },
});

/** Orders arrive in bursts: gather the marks of a few seconds into one run. */
const DEBOUNCE = '3 seconds';
/** Keeps the history short when a stream of orders keeps a shop's sync alive. */
const RUNS_BEFORE_CONTINUE_AS_NEW = 100;

/**
 * The shop's constraint sync (ID `constraint-sync-<shop>`): one run of the given mode, then
 * dirty-only runs while signals or marks keep coming; ends when nothing is left.
 */
export async function constraintSyncWorkflow(request: ConstraintSyncRequest): Promise<ConstraintSyncStatus> {
  const status: ConstraintSyncStatus = { runs: 0, running: false, last: null };
  let signalled = false;
  setHandler(constraintsDirtySignal, () => {
    signalled = true;
  });
  setHandler(constraintSyncStatusQuery, () => status);

  let mode = request.mode;
  for (;;) {
    signalled = false;
    status.running = true;
    status.last = await sync.syncConstraints({ shop: request.shop, mode });
    status.running = false;
    status.runs++;
    if (status.last.tooLarge.length > 0) log.warn('company locations too large for checkout', { shop: request.shop, count: status.last.tooLarge.length });
    if (!signalled && status.last.dirtyLeft === 0) {
      // A mark that lands between the run's last look and the end still signals us: wait a moment for it.
      if (!(await condition(() => signalled, DEBOUNCE))) return status;
    } else {
      await sleep(DEBOUNCE);
    }
    mode = 'dirty';
    if (status.runs >= RUNS_BEFORE_CONTINUE_AS_NEW) await continueAsNew<typeof constraintSyncWorkflow>({ shop: request.shop, mode: 'dirty' });
  }
}
