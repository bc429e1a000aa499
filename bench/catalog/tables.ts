/** Tables of the reference runs: created before a run is timed, dropped after it. */

/** Same shape as the staging lines table of our loader before the parser worker (raw lines). */
export const CEILING_LINES_DDL = `CREATE UNLOGGED TABLE ceiling_lines (seq bigint GENERATED ALWAYS AS IDENTITY, line text)`;

/** One typed row per line, the columns of typedCsv.ts's TYPED_COLUMNS with real types. */
export const CEILING_TYPED_DDL = `CREATE UNLOGGED TABLE ceiling_typed (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  kind text, gid text, parent_gid text, updated_at timestamptz,
  title text, handle text, status text, vendor text, product_type text, tags text[],
  sku text, price numeric(20, 4), compare_at_price numeric(20, 4), position integer, inventory_item_gid text,
  location_gid text, location_name text, available integer,
  namespace text, key text, type text, value text)`;

/**
 * The node-parse pipeline's typed table (nodeParse.ts): the ceiling's columns with the
 * line number instead of an identity, plus the reject of a line that cannot be used
 * (kind NULL, reason, the first 4 KB of the line).
 */
export const NODE_TYPED_TABLE = 'node_typed';
export const NODE_TYPED_COLUMNS = [
  'line_no', 'kind', 'gid', 'parent_gid', 'updated_at', 'title', 'handle', 'status', 'vendor', 'product_type', 'tags',
  'sku', 'price', 'compare_at_price', 'position', 'inventory_item_gid', 'location_gid', 'location_name', 'available',
  'namespace', 'key', 'type', 'value', 'reject_reason', 'raw_line',
] as const;
export const NODE_TYPED_DDL = `CREATE UNLOGGED TABLE ${NODE_TYPED_TABLE} (
  line_no bigint NOT NULL,
  kind text, gid text, parent_gid text, updated_at timestamptz,
  title text, handle text, status text, vendor text, product_type text, tags text[],
  sku text, price numeric(20, 4), compare_at_price numeric(20, 4), position integer, inventory_item_gid text,
  location_gid text, location_name text, available integer,
  namespace text, key text, type text, value text,
  reject_reason text, raw_line text)`;

/** The naive importer's own typed staging tables, one per kind of line. */
export const NAIVE_TABLES = {
  naive_products: ['gid text', 'title text', 'handle text', 'status text', 'vendor text', 'product_type text', 'tags text[]', 'updated_at timestamptz'],
  naive_metafields: ['gid text', 'parent_gid text', 'namespace text', 'key text', 'type text', 'value text', 'updated_at timestamptz'],
  naive_variants: ['gid text', 'parent_gid text', 'sku text', 'title text', 'price numeric(20, 4)', 'compare_at_price numeric(20, 4)', 'position integer', 'inventory_item_gid text', 'updated_at timestamptz'],
  naive_levels: ['gid text', 'parent_gid text', 'location_gid text', 'location_name text', 'available integer', 'updated_at timestamptz'],
} as const;

export type NaiveTable = keyof typeof NAIVE_TABLES;

export const naiveDdl = (): string[] =>
  Object.entries(NAIVE_TABLES).map(([name, columns]) => `CREATE UNLOGGED TABLE ${name} (${columns.join(', ')})`);

export const REFERENCE_TABLES = ['ceiling_lines', 'ceiling_typed', NODE_TYPED_TABLE, ...Object.keys(NAIVE_TABLES)];
