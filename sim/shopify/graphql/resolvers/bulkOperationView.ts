import type { BulkOperationRecord } from '../../bulk/bulkOperationModel';
import { makeGid } from '../../support/gid';
import { isoSeconds } from '../../support/time';
import type { RequestContext } from '../requestContext';
import type { View } from '../view';

/**
 * Result URLs live 7 days after the operation finishes
 * (https://shopify.dev/docs/api/admin-graphql/2026-07/objects/BulkOperation); after that
 * the operation reads as EXPIRED with no URL. An export with no objects has no file.
 */
export const BULK_URL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function bulkFileUrl(ctx: RequestContext, op: BulkOperationRecord, partial: boolean): string {
  const base = ctx.core.settings.publicUrl ?? ctx.baseUrl;
  return `${base.replace(/\/$/, '')}/_sim/bulk-files/${op.shop}/${op.id}/${op.token}/${partial ? 'partial' : 'result'}.jsonl`;
}

export function bulkOperationView(op: BulkOperationRecord, ctx: RequestContext): View {
  const expired = op.completedAt !== null && ctx.now - op.completedAt > BULK_URL_TTL_MS && (op.status === 'COMPLETED' || op.status === 'FAILED');
  const hasFile = op.index !== null && op.index.objectCount > 0 && !expired;
  return {
    __typename: 'BulkOperation',
    id: makeGid('BulkOperation', op.id),
    type: op.type,
    status: expired ? 'EXPIRED' : op.status,
    query: op.query,
    createdAt: isoSeconds(op.createdAt),
    completedAt: op.completedAt === null ? null : isoSeconds(op.completedAt),
    errorCode: op.errorCode,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.status === 'COMPLETED' && hasFile ? String(op.index!.size) : null,
    url: op.status === 'COMPLETED' && hasFile ? bulkFileUrl(ctx, op, false) : null,
    partialDataUrl: op.status === 'FAILED' && hasFile ? bulkFileUrl(ctx, op, true) : null,
  };
}
