import type { BulkFileSpec } from './bulkFileSpec';
import type { FileIndex } from './fileIndex';

export type BulkStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'CANCELING' | 'CANCELED' | 'FAILED' | 'EXPIRED';
export type BulkErrorCode = 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT';

/** Injected through `/_sim/shops/:shop/bulk-faults`; applies to operations created afterwards. */
export interface BulkFaults {
  malformedLine?: number | undefined;
  fail?: { errorCode: BulkErrorCode; afterRootObjects: number } | undefined;
  /** How long an operation stays RUNNING at least (lets a test cancel it or watch it run). */
  minRunMs?: number | undefined;
  /** Serve result files no faster than this (lets a test interrupt a download midway). */
  downloadBytesPerSecond?: number | undefined;
}

export interface BulkOperationRecord {
  id: number;
  shop: string;
  type: 'QUERY';
  status: BulkStatus;
  query: string;
  createdAt: number;
  completedAt: number | null;
  errorCode: BulkErrorCode | null;
  objectCount: number;
  rootObjectCount: number;
  file: BulkFileSpec;
  fault: BulkFaults | null;
  /** Set when the counting pass ends; the file (or partial file) exists from then on. */
  index: FileIndex | null;
  /** Unguessable part of the download URL, as in Shopify's signed URLs. */
  token: string;
}

/** Bulk operations still occupying one of the shop's concurrent slots. */
export const ACTIVE_STATUSES: readonly BulkStatus[] = ['CREATED', 'RUNNING', 'CANCELING'];
export const isActive = (op: BulkOperationRecord): boolean => ACTIVE_STATUSES.includes(op.status);
