/**
 * Names shared by the catalog import workflow, the webhook workflow that wakes it, the
 * API that starts it and the schedule. Pure constants: imported from workflow code too.
 */

/** Sent to an import's workflow when `bulk_operations/finish` arrives for its export. */
export const BULK_OPERATION_FINISHED_SIGNAL = 'bulkOperationFinished';

/** One import per shop at a time: the workflow ID is the shop's. */
export function catalogImportWorkflowId(shop: string): string {
  return `catalog-import-${shop}`;
}

export const BULK_OPERATION_TERMINAL = ['COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED'] as const;

export function isTerminalBulkStatus(status: string): boolean {
  return (BULK_OPERATION_TERMINAL as readonly string[]).includes(status);
}
