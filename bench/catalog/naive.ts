/**
 * Naive baseline (child process): what a straightforward importer does. The whole file read
 * into one string, split on '\n', every line JSON.parse'd into one array, then 1,000-row
 * multi-VALUES INSERTs into typed tables, one kind of line per table. At 5M variants the
 * file (~2 GB) is longer than V8's maximum string, so this is expected to crash there.
 * Job: {"file", "dbUrl"}. Prints {"seconds", "readSeconds", "parseSeconds", "insertSeconds", "lines", "maxRssKb"}.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { report } from './report';
import { NAIVE_TABLES, type NaiveTable } from './tables';

type Json = Record<string, unknown>;
const BATCH = 1_000;

/** Each kind's table and the values of its columns, in NAIVE_TABLES order. */
function toRow(o: Json): [NaiveTable, unknown[]] {
  const kind = String(o.id).split('/')[3]?.split('?')[0];
  switch (kind) {
    case 'Product':
      return ['naive_products', [o.id, o.title, o.handle, o.status, o.vendor, o.productType, o.tags, o.updatedAt]];
    case 'Metafield':
      return ['naive_metafields', [o.id, o.__parentId, o.namespace, o.key, o.type, o.value, o.updatedAt]];
    case 'ProductVariant':
      return ['naive_variants', [o.id, o.__parentId, o.sku, o.title, o.price, o.compareAtPrice, o.position, (o.inventoryItem as Json).id, o.updatedAt]];
    case 'InventoryLevel': {
      const location = o.location as Json;
      const available = (o.quantities as Json[]).find((q) => q.name === 'available')?.quantity;
      return ['naive_levels', [o.id, o.__parentId, location.id, location.name, available, o.updatedAt]];
    }
    default:
      throw new Error(`unexpected object ${String(o.id)}`);
  }
}

async function insertBatch(client: pg.Client, table: NaiveTable, rows: unknown[][]): Promise<void> {
  const width = NAIVE_TABLES[table].length;
  const values = rows.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
  await client.query(`INSERT INTO ${table} VALUES ${values.join(', ')}`, rows.flat());
}

async function main(): Promise<void> {
  const { file, dbUrl } = JSON.parse(process.argv[2]!) as { file: string; dbUrl: string };
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const started = performance.now();

  const text = readFileSync(file, 'utf8');
  const read = performance.now();
  const objects = text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Json);
  const parsed = performance.now();

  const batches = new Map<NaiveTable, unknown[][]>();
  for (const object of objects) {
    const [table, row] = toRow(object);
    const batch = batches.get(table) ?? [];
    batch.push(row);
    batches.set(table, batch);
    if (batch.length === BATCH) {
      await insertBatch(client, table, batch);
      batches.set(table, []);
    }
  }
  for (const [table, batch] of batches) if (batch.length > 0) await insertBatch(client, table, batch);
  const inserted = performance.now();
  await client.end();
  report({
    seconds: (inserted - started) / 1000,
    readSeconds: (read - started) / 1000,
    parseSeconds: (parsed - read) / 1000,
    insertSeconds: (inserted - parsed) / 1000,
    lines: objects.length,
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
