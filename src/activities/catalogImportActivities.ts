import { ApplicationFailure, Context } from '@temporalio/activity';
import type pg from 'pg';
import { mergeCatalog, type MergeStats } from '../catalog/merge/mergeCatalog';
import { BulkFileDownloadError, loadBulkFile, type LoadProgress } from '../catalog/staging/loadBulkFile';
import { parseStagedLines, StagingLostError, TooManyRejectsError } from '../catalog/staging/parseStagedLines';
import { createRowsTable, dropStagingTables, stagingTables } from '../catalog/staging/stagingTables';
import type { Logger } from '../logger';
import type { CatalogImportRepository } from '../repositories/catalogImportRepository';
import { ShopifyUserErrorsError } from '../shopify/client/errors';
import { ShopNotInstalledError, type ShopClients } from '../shopify/client/shopClients';
import { AdminOperations } from '../shopify/operations';
import { CATALOG_EXPORT_QUERY } from '../shopify/bulk/catalogExportQuery';

export interface CatalogImportSettings {
  /** More rejected lines than this fail the import. */
  maxRejects: number;
  /** Bytes per committed staging segment (the resume granularity). */
  segmentBytes?: number;
}

export interface BeginImportInput {
  importId: string;
  shop: string;
  workflowId: string;
  trigger: string;
}

export type BeginImportResult = { begun: true } | { begun: false; activeImportId: string };

export interface BulkOperationState {
  id: string;
  status: string;
  errorCode: string | null;
  url: string | null;
  objectCount: number;
  fileSize: number | null;
  createdAt: string;
}

export interface LoadSummary {
  bytes: number;
  lines: number;
  segments: number;
  resumedFrom: number;
}

export interface CatalogImportActivities {
  beginCatalogImport(input: BeginImportInput): Promise<BeginImportResult>;
  startCatalogExport(input: { importId: string; shop: string }): Promise<{ bulkOperationId: string; createdAt: string }>;
  readBulkOperation(input: { shop: string; bulkOperationId: string }): Promise<BulkOperationState>;
  loadCatalogExport(input: { importId: string; url: string | null }): Promise<LoadSummary>;
  mergeCatalogImport(input: { importId: string; shop: string; exportStartedAt: string }): Promise<MergeStats>;
  failCatalogImport(input: { importId: string; error: string }): Promise<void>;
}

export interface CatalogImportDeps {
  pool: pg.Pool;
  imports: CatalogImportRepository;
  shopify: ShopClients;
  settings: CatalogImportSettings;
  logger: Logger;
}

/** Shopify refused the export for a reason that waiting cures (five already running). */
const TRANSIENT_BULK_ERRORS = new Set(['LIMIT_REACHED', 'OPERATION_IN_PROGRESS']);

export function createCatalogImportActivities(deps: CatalogImportDeps): CatalogImportActivities {
  const shopClient = async (shop: string) => {
    try {
      return await deps.shopify.forShop(shop);
    } catch (err) {
      if (err instanceof ShopNotInstalledError) throw ApplicationFailure.nonRetryable(err.message, err.code);
      throw err;
    }
  };

  return {
    async beginCatalogImport(input) {
      const active = await deps.imports.begin({ id: input.importId, shop: input.shop, workflowId: input.workflowId, trigger: input.trigger });
      return active.id === input.importId ? { begun: true } : { begun: false, activeImportId: active.id };
    },

    /**
     * Starts the bulk export, once: a retried activity finds the operation already
     * recorded. (If Shopify accepted the mutation but the answer was lost, the client
     * refuses to repeat it and this activity fails; its retry starts a second export and
     * the first one finishes unclaimed, which costs Shopify work but no data.)
     */
    async startCatalogExport({ importId, shop }) {
      const existing = await deps.imports.get(importId);
      if (existing?.bulkOperationId && existing.exportStartedAt) {
        return { bulkOperationId: existing.bulkOperationId, createdAt: existing.exportStartedAt.toISOString() };
      }
      const client = await shopClient(shop);
      try {
        const { data } = await client.request(
          AdminOperations.bulkOperationRunQuery,
          { query: CATALOG_EXPORT_QUERY, groupObjects: false },
          { signal: Context.current().cancellationSignal },
        );
        const op = data.bulkOperationRunQuery?.bulkOperation;
        if (!op) throw new Error('bulkOperationRunQuery returned no operation');
        await deps.imports.exportStarted(importId, op.id, new Date(op.createdAt as string));
        return { bulkOperationId: op.id, createdAt: op.createdAt as string };
      } catch (err) {
        if (err instanceof ShopifyUserErrorsError) {
          const transient = err.userErrors.some((e) => TRANSIENT_BULK_ERRORS.has(String(e.code ?? '')));
          throw ApplicationFailure.create({ message: err.message, type: err.code, nonRetryable: !transient });
        }
        throw err;
      }
    },

    async readBulkOperation({ shop, bulkOperationId }) {
      const client = await shopClient(shop);
      const { data } = await client.request(AdminOperations.bulkOperationById, { id: bulkOperationId }, { signal: Context.current().cancellationSignal });
      const op = data.bulkOperation;
      if (!op) throw ApplicationFailure.nonRetryable(`bulk operation ${bulkOperationId} not found`, 'BULK_OPERATION_NOT_FOUND');
      return {
        id: op.id,
        status: op.status,
        errorCode: op.errorCode ?? null,
        url: (op.url as string | null) ?? null,
        objectCount: Number(op.objectCount),
        fileSize: op.fileSize == null ? null : Number(op.fileSize),
        createdAt: op.createdAt as string,
      };
    },

    /**
     * Streams the export into staging, heartbeating progress. A retry (worker crash,
     * timeout) resumes from the last committed segment with an HTTP Range request; the
     * committed offset in PostgreSQL, not the heartbeat, is the authority.
     */
    async loadCatalogExport({ importId, url }) {
      if (url === null) {
        // An empty shop: Shopify gives no file. Staging stays empty and the merge removes everything.
        const client = await deps.pool.connect();
        try {
          await createRowsTable(client, stagingTables(importId));
        } finally {
          client.release();
        }
        return { bytes: 0, lines: 0, segments: 0, resumedFrom: 0 };
      }
      const ctx = Context.current();
      try {
        const result = await loadBulkFile({
          pool: deps.pool,
          importId,
          url,
          segmentBytes: deps.settings.segmentBytes,
          signal: ctx.cancellationSignal,
          onProgress: (p: LoadProgress) => ctx.heartbeat(p),
        });
        return { bytes: result.bytes, lines: result.lines, segments: result.segments, resumedFrom: result.resumedFrom };
      } catch (err) {
        // Shopify's result URLs expire after a week; a 403/404/410 will not heal by retrying.
        if (err instanceof BulkFileDownloadError && [403, 404, 410].includes(err.status)) {
          throw ApplicationFailure.nonRetryable(err.message, 'BULK_FILE_GONE');
        }
        throw err;
      }
    },

    /**
     * Parses and merges; the import is marked completed in the merge's own transaction, so
     * a retry after a lost completion finds it done and returns the recorded statistics.
     */
    async mergeCatalogImport({ importId, shop, exportStartedAt }) {
      const current = await deps.imports.get(importId);
      if (current?.status === 'completed') return current.stats as MergeStats;
      await deps.pool.query(`UPDATE catalog_imports SET status = 'merging', updated_at = now() WHERE id = $1`, [importId]);
      try {
        await parseStagedLines(deps.pool, importId, { maxRejects: deps.settings.maxRejects });
      } catch (err) {
        if (err instanceof TooManyRejectsError || err instanceof StagingLostError) throw ApplicationFailure.nonRetryable(err.message, err.code, err.details);
        throw err;
      }
      Context.current().heartbeat({ phase: 'merge' });
      const stats = await mergeCatalog(
        deps.pool,
        { importId, shop, exportStartedAt: new Date(exportStartedAt) },
        {
          beforeCommit: async (client, result) => {
            await client.query(
              `UPDATE catalog_imports SET status = 'completed', stats = $2, finished_at = now(), updated_at = now() WHERE id = $1`,
              [importId, JSON.stringify(result)],
            );
          },
        },
      );
      await dropStagingTables(deps.pool, stagingTables(importId));
      deps.logger.info({ importId, shop, stats }, 'catalog import merged');
      return stats;
    },

    async failCatalogImport({ importId, error }) {
      await deps.imports.fail(importId, error);
      await dropStagingTables(deps.pool, stagingTables(importId));
    },
  };
}
