import { z } from 'zod';
import { gidString, parsePayload } from './common';

export const bulkOperationFinishSchema = z.object({
  admin_graphql_api_id: gidString,
  status: z.string(),
  error_code: z.string().nullish(),
  type: z.string().nullish(),
});

export interface BulkOperationFinished {
  bulkOperationId: string;
  /** Upper-case as the GraphQL enum (`COMPLETED`, `FAILED`, `CANCELED`…); the webhook sends lower case. */
  status: string;
  errorCode: string | null;
}

/**
 * `bulk_operations/finish`: which operation ended and how. It carries no result URL; the
 * import reads that with `bulkOperation(id:)`.
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/BulkOperation
 */
export function mapBulkOperationFinishPayload(payload: unknown): BulkOperationFinished {
  const p = parsePayload(bulkOperationFinishSchema, payload, 'bulk operation');
  return { bulkOperationId: p.admin_graphql_api_id, status: p.status.toUpperCase(), errorCode: p.error_code ? p.error_code.toUpperCase() : null };
}
