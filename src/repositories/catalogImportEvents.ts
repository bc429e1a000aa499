import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { catalogImports } from '../db/schema';
import { BULK_OPERATION_FINISHED_SIGNAL } from '../domain/catalog/catalogImport';
import { mapBulkOperationFinishPayload } from '../shopify/payloads/bulkOperation';
import type { InboxEvent } from './inboxEvents';
import type { WriteResult } from './orderWriter';

/**
 * `bulk_operations/finish` changes no data here: it finds the import waiting for that
 * export and asks the webhook workflow to signal it. An operation we did not start (or
 * whose import already ended by polling) is simply acknowledged.
 */
export async function routeBulkOperationFinish(tx: Tx, event: InboxEvent): Promise<WriteResult> {
  const finished = mapBulkOperationFinishPayload(event.payload);
  const [row] = await tx
    .select({ workflowId: catalogImports.workflowId, shop: catalogImports.shop })
    .from(catalogImports)
    .where(eq(catalogImports.bulkOperationId, finished.bulkOperationId));
  if (!row || row.shop !== event.shop) return { applied: false, rows: 0 };
  return { applied: true, rows: 0, signal: { workflowId: row.workflowId, signal: BULK_OPERATION_FINISHED_SIGNAL, args: [finished] } };
}
