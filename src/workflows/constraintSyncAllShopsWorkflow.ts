import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, getExternalWorkflowHandle, log, proxyActivities, startChild } from '@temporalio/workflow';
import type { ShopListActivities } from '../activities/shopListActivities';
import { constraintSyncWorkflowId } from '../domain/constraints/constraintSyncIds';
import { constraintSyncWorkflow, constraintsDirtySignal } from './constraintSyncWorkflow';
import { B2B_SHOP } from './searchAttributes';

const shops = proxyActivities<ShopListActivities>({ startToCloseTimeout: '1 minute' });

/**
 * What the `constraint-sync` Schedule runs: a full sync per installed shop, each its own
 * workflow that outlives this one. A shop whose sync is running gets a signal instead, so
 * its current run is followed by another pass.
 */
export async function constraintSyncAllShopsWorkflow(): Promise<{ started: string[]; signalled: string[] }> {
  const result = { started: [] as string[], signalled: [] as string[] };
  for (const shop of await shops.listInstalledShops()) {
    const outcome = await startOrSignalConstraintSync(shop, 'full');
    result[outcome].push(shop);
  }
  return result;
}

/**
 * Starts the shop's sync, or signals the one already running. If that one ended between
 * the two, the marks stay in PostgreSQL and the next scheduled run pushes them.
 */
export async function startOrSignalConstraintSync(shop: string, mode: 'full' | 'dirty'): Promise<'started' | 'signalled'> {
  const workflowId = constraintSyncWorkflowId(shop);
  try {
    await startChild(constraintSyncWorkflow, { workflowId, args: [{ shop, mode }], parentClosePolicy: ParentClosePolicy.ABANDON, typedSearchAttributes: [{ key: B2B_SHOP, value: shop }] });
    return 'started';
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  try {
    await getExternalWorkflowHandle(workflowId).signal(constraintsDirtySignal);
  } catch (err) {
    // Ended in between: nothing lost (see above).
    log.info('constraint sync ended before the signal; the schedule pushes the marks', { shop, workflowId, error: err instanceof Error ? err.message : String(err) });
  }
  return 'signalled';
}
