import {
  ApplicationFailure,
  CancellationScope,
  condition,
  defineSignal,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Duration } from '@temporalio/common';
import type { CatalogImportActivities, LoadSummary } from '../activities/catalogImportActivities';
import type { MergeStats } from '../catalog/merge/mergeCatalog';
import { BULK_OPERATION_FINISHED_SIGNAL, isTerminalBulkStatus } from '../domain/catalog/catalogImport';
import type { BulkOperationFinished } from '../shopify/payloads/bulkOperation';

export const bulkOperationFinishedSignal = defineSignal<[BulkOperationFinished]>(BULK_OPERATION_FINISHED_SIGNAL);

const shopify = proxyActivities<CatalogImportActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * Downloads run for minutes; heartbeats show they are alive, so a dead worker's attempt is
 * retried (and resumes) after `heartbeatTimeout` instead of after the 3-hour deadline.
 */
const loaderWith = (heartbeatTimeout: Duration) =>
  proxyActivities<CatalogImportActivities>({
    startToCloseTimeout: '3 hours',
    heartbeatTimeout,
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
  });

const merger = proxyActivities<CatalogImportActivities>({
  startToCloseTimeout: '1 hour',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 5 },
});

export interface CatalogImportInput {
  importId: string;
  shop: string;
  /** Who asked: `api`, `cli`, `schedule`. */
  trigger: string;
  /** How often to ask Shopify when `bulk_operations/finish` has not woken us. */
  pollEvery?: Duration;
  /** How long the download may go without a heartbeat before another worker takes over. */
  loadHeartbeatTimeout?: Duration;
}

export type CatalogImportResult =
  | { outcome: 'completed'; importId: string; bulkOperationId: string; load: LoadSummary; stats: MergeStats }
  | { outcome: 'already_running'; activeImportId: string };

/**
 * A full catalog import of one shop: start a bulk export → wait for Shopify to finish it
 * (woken by the bulk_operations/finish webhook, polling as the fallback) → stream the file
 * into staging → parse and merge in one transaction. The workflow only orchestrates;
 * every step is an activity. On failure or cancellation the import is marked failed and
 * its staging dropped, and the catalog stays as it was.
 */
export async function catalogImportWorkflow(input: CatalogImportInput): Promise<CatalogImportResult> {
  const begun = await shopify.beginCatalogImport({ importId: input.importId, shop: input.shop, workflowId: workflowInfo().workflowId, trigger: input.trigger });
  if (!begun.begun) return { outcome: 'already_running', activeImportId: begun.activeImportId };

  let finished: BulkOperationFinished | undefined;
  setHandler(bulkOperationFinishedSignal, (event) => {
    finished = event;
  });

  try {
    const exported = await shopify.startCatalogExport({ importId: input.importId, shop: input.shop });
    let state = await shopify.readBulkOperation({ shop: input.shop, bulkOperationId: exported.bulkOperationId });
    while (!isTerminalBulkStatus(state.status)) {
      const woken = await condition(() => finished?.bulkOperationId === exported.bulkOperationId, input.pollEvery ?? '1 minute');
      if (!woken) log.info('no bulk_operations/finish yet; polling', { bulkOperationId: exported.bulkOperationId });
      state = await shopify.readBulkOperation({ shop: input.shop, bulkOperationId: exported.bulkOperationId });
    }
    if (state.status !== 'COMPLETED') {
      throw ApplicationFailure.nonRetryable(`bulk export ${state.id} ended ${state.status}${state.errorCode ? ` (${state.errorCode})` : ''}`, 'BULK_EXPORT_FAILED');
    }

    const load = await loaderWith(input.loadHeartbeatTimeout ?? '1 minute').loadCatalogExport({ importId: input.importId, url: state.url });
    const stats = await merger.mergeCatalogImport({ importId: input.importId, shop: input.shop, exportStartedAt: exported.createdAt });
    return { outcome: 'completed', importId: input.importId, bulkOperationId: exported.bulkOperationId, load, stats };
  } catch (err) {
    const reason = isCancellation(err) ? 'cancelled' : failureMessage(err);
    // Runs even when the workflow itself is being cancelled.
    await CancellationScope.nonCancellable(() => shopify.failCatalogImport({ importId: input.importId, error: reason }));
    throw err;
  }
}

function failureMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : err.message;
}
