/** Tables of the reference runs: created before a run is timed, dropped after it. */

/** One typed row per line, the columns of typedCsv.ts's TYPED_COLUMNS with real types. */
export const CEILING_TYPED_DDL = `CREATE UNLOGGED TABLE ceiling_typed (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  kind text, gid text, parent_gid text, updated_at timestamptz,
  title text, handle text, status text, vendor text, product_type text, tags text[],
  sku text, price numeric(20, 4), compare_at_price numeric(20, 4), position integer, inventory_item_gid text,
  location_gid text, location_name text, available integer,
  namespace text, key text, type text, value text)`;

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

export const REFERENCE_TABLES = ['ceiling_typed', ...Object.keys(NAIVE_TABLES)];
