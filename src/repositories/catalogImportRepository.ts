import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { ACTIVE_IMPORT_STATUSES, catalogImports, type CatalogImportStatus } from '../db/schema';

export interface CatalogImportRow {
  id: string;
  shop: string;
  workflowId: string;
  status: CatalogImportStatus;
  trigger: string;
  bulkOperationId: string | null;
  exportStartedAt: Date | null;
  fileBytes: number | null;
  bytesLoaded: number;
  linesLoaded: number;
  rejectedLines: number;
  stats: unknown;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** Catalog import records: what `GET /imports/:id` shows and what the workflow updates. */
export function createCatalogImportRepository(db: Db) {
  return {
    /**
     * Records a new import unless the shop already has one running (a partial unique
     * index allows one active import per shop). Returns the shop's active import: this
     * one, or the one that was already running. Idempotent for a retried activity.
     */
    async begin(input: { id: string; shop: string; workflowId: string; trigger: string }): Promise<CatalogImportRow> {
      await db.insert(catalogImports).values({ ...input, status: 'exporting' }).onConflictDoNothing();
      const mine = await this.get(input.id);
      if (mine) return mine;
      const active = await this.activeFor(input.shop);
      if (!active) throw new Error(`import ${input.id} could not be recorded and ${input.shop} has no active import`);
      return active;
    },

    async get(id: string): Promise<CatalogImportRow | undefined> {
      const [row] = await db.select().from(catalogImports).where(eq(catalogImports.id, id));
      return row;
    },

    async activeFor(shop: string): Promise<CatalogImportRow | undefined> {
      const [row] = await db
        .select()
        .from(catalogImports)
        .where(and(eq(catalogImports.shop, shop), inArray(catalogImports.status, [...ACTIVE_IMPORT_STATUSES])));
      return row;
    },

    async byBulkOperation(tx: DbOrTx, bulkOperationId: string): Promise<CatalogImportRow | undefined> {
      const [row] = await tx.select().from(catalogImports).where(eq(catalogImports.bulkOperationId, bulkOperationId));
      return row;
    },

    async exportStarted(id: string, bulkOperationId: string, exportStartedAt: Date): Promise<void> {
      await db.update(catalogImports).set({ bulkOperationId, exportStartedAt, updatedAt: sql`now()` }).where(eq(catalogImports.id, id));
    },

    async fail(id: string, error: string): Promise<void> {
      await db
        .update(catalogImports)
        .set({ status: 'failed', error: error.slice(0, 2000), finishedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(catalogImports.id, id), inArray(catalogImports.status, [...ACTIVE_IMPORT_STATUSES])));
    },
  };
}

export type CatalogImportRepository = ReturnType<typeof createCatalogImportRepository>;
