import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { shopColumn, tstz, versionColumns } from './columns';

/**
 * exporting   the bulk query runs at Shopify; we wait for bulk_operations/finish (or poll)
 * loading     the JSONL streams into this import's staging table
 * merging     staged rows are parsed and merged into the catalog in one transaction
 * completed   the catalog reflects the export
 * failed      see `error`; the catalog is as it was before the import
 */
export const catalogImportStatus = pgEnum('catalog_import_status', ['exporting', 'loading', 'merging', 'completed', 'failed']);
export type CatalogImportStatus = (typeof catalogImportStatus.enumValues)[number];
export const ACTIVE_IMPORT_STATUSES: readonly CatalogImportStatus[] = ['exporting', 'loading', 'merging'];

/** One full catalog import of a shop: progress for `GET /imports/:id`, statistics after. */
export const catalogImports = pgTable(
  'catalog_imports',
  {
    id: uuid().primaryKey(),
    shop: shopColumn(),
    workflowId: text().notNull(),
    status: catalogImportStatus().notNull().default('exporting'),
    trigger: text().notNull(),
    bulkOperationId: text(),
    /** When Shopify started the export: the version stamp of every row it brings. */
    exportStartedAt: tstz(),
    fileBytes: bigint({ mode: 'number' }),
    bytesLoaded: bigint({ mode: 'number' }).notNull().default(0),
    linesLoaded: bigint({ mode: 'number' }).notNull().default(0),
    rejectedLines: integer().notNull().default(0),
    /** Merge statistics: rows inserted, updated, unchanged, deleted, skipped as older, per table. */
    stats: jsonb(),
    error: text(),
    createdAt: tstz().notNull().defaultNow(),
    updatedAt: tstz().notNull().defaultNow(),
    finishedAt: tstz(),
  },
  (t) => [
    // At most one import per shop at a time, whoever starts it (API, CLI, schedule).
    uniqueIndex('catalog_imports_one_active_per_shop_idx')
      .on(t.shop)
      .where(sql`${t.status} IN ('exporting', 'loading', 'merging')`),
    uniqueIndex('catalog_imports_bulk_operation_idx').on(t.bulkOperationId),
    index('catalog_imports_shop_created_idx').on(t.shop, t.createdAt),
  ],
);

/**
 * Committed pieces of the staged file, each in the same transaction as its rows: the
 * authoritative resume point after a crash (the next byte to ask for with Range) and the
 * line numbers the segment holds. Staged rows carry their line number, so `firstSeq`
 * equals `firstLine` (it was the staged raw lines' sequence number before the parser worker).
 */
export const catalogImportSegments = pgTable(
  'catalog_import_segments',
  {
    importId: uuid()
      .notNull()
      .references(() => catalogImports.id, { onDelete: 'cascade' }),
    segmentNo: integer().notNull(),
    byteStart: bigint({ mode: 'number' }).notNull(),
    byteEnd: bigint({ mode: 'number' }).notNull(),
    firstLine: bigint({ mode: 'number' }).notNull(),
    lineCount: integer().notNull(),
    firstSeq: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.segmentNo] })],
);

/** Lines of an export that could not be used, with their line number in the file. */
export const catalogImportRejects = pgTable(
  'catalog_import_rejects',
  {
    importId: uuid()
      .notNull()
      .references(() => catalogImports.id, { onDelete: 'cascade' }),
    lineNo: bigint({ mode: 'number' }).notNull(),
    reason: text().notNull(),
    /**
     * The line as received, cut to 4 KB; for an orphan or a duplicate SKU (found after
     * parsing, when only rejected lines are kept raw), the fields parsed from it as JSON.
     */
    line: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.lineNo] })],
);

/** Product metafields the rules read (namespace `b2b`), kept current by imports. */
export const productMetafields = pgTable(
  'product_metafields',
  {
    shop: shopColumn(),
    ownerGid: text().notNull(),
    namespace: text().notNull(),
    key: text().notNull(),
    type: text().notNull(),
    value: text().notNull(),
    ...versionColumns(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.ownerGid, t.namespace, t.key] })],
);
