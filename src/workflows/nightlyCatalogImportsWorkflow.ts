import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, log, proxyActivities, startChild, uuid4 } from '@temporalio/workflow';
import type { ShopListActivities } from '../activities/shopListActivities';
import { catalogImportWorkflowId } from '../domain/catalog/catalogImport';
import { catalogImportWorkflow } from './catalogImportWorkflow';
import { B2B_SHOP } from './searchAttributes';

const shops = proxyActivities<ShopListActivities>({ startToCloseTimeout: '1 minute' });

export interface NightlyImportsResult {
  started: string[];
  /** Shops whose import was already running. */
  skipped: string[];
}

/**
 * What the nightly Temporal Schedule runs: one full catalog import per installed shop,
 * each its own workflow (`catalog-import-<shop>`) that outlives this one. A shop whose
 * import is still running is skipped, never doubled.
 */
export async function nightlyCatalogImportsWorkflow(): Promise<NightlyImportsResult> {
  const result: NightlyImportsResult = { started: [], skipped: [] };
  for (const shop of await shops.listInstalledShops()) {
    try {
      await startChild(catalogImportWorkflow, {
        workflowId: catalogImportWorkflowId(shop),
        args: [{ importId: uuid4(), shop, trigger: 'schedule' }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        typedSearchAttributes: [{ key: B2B_SHOP, value: shop }],
      });
      result.started.push(shop);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      log.info('catalog import already running; skipped', { shop });
      result.skipped.push(shop);
    }
  }
  return result;
}
