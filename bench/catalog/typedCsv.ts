/**
 * The typed-COPY ceiling's input: every line of the JSONL already parsed and flattened into
 * the columns a typed row needs, as CSV. Built (untimed) before the ceiling is measured
 * and cached next to the JSONL, so the ceiling is COPY's cost alone.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { forEachLine } from './lines';

/** Column order of the CSV and of `ceiling_typed` (see tables.ts). */
export const TYPED_COLUMNS = [
  'kind',
  'gid',
  'parent_gid',
  'updated_at',
  'title',
  'handle',
  'status',
  'vendor',
  'product_type',
  'tags',
  'sku',
  'price',
  'compare_at_price',
  'position',
  'inventory_item_gid',
  'location_gid',
  'location_name',
  'available',
  'namespace',
  'key',
  'type',
  'value',
] as const;

type Json = Record<string, unknown>;

/** CSV field: empty and unquoted for NULL, quoted (with "" escapes) only when needed. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (text === '' || /[",\n\r]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** A text[] literal such as {"b2b","tier-1"}. */
function arrayLiteral(values: unknown): string | undefined {
  if (!Array.isArray(values)) return undefined;
  return `{${values.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** The same fields, from the same JSON paths, as the production parse extracts. */
export function typedRow(line: string): string {
  const j = JSON.parse(line) as Json;
  const gid = String(j.id);
  const kind = gid.split('/')[3]?.split('?')[0];
  const item = j.inventoryItem as Json | undefined;
  const location = j.location as Json | undefined;
  const quantities = j.quantities as Json[] | undefined;
  const fields: unknown[] = [
    kind,
    gid,
    j.__parentId,
    j.updatedAt,
    j.title,
    j.handle,
    j.status,
    j.vendor,
    j.productType,
    arrayLiteral(j.tags),
    j.sku,
    j.price,
    j.compareAtPrice,
    j.position,
    item?.id,
    location?.id,
    location?.name,
    quantities?.find((q) => q.name === 'available')?.quantity,
    j.namespace,
    j.key,
    j.type,
    j.value,
  ];
  return `${fields.map(csvField).join(',')}\n`;
}

/** `<file>.typed.csv`, rebuilt when missing or older than the JSONL. */
export async function ensureTypedCsv(jsonl: string): Promise<string> {
  const csv = jsonl.replace(/\.jsonl$/, '.typed.csv');
  if (existsSync(csv) && statSync(csv).mtimeMs >= statSync(jsonl).mtimeMs) return csv;
  const started = performance.now();
  const partial = `${csv}.partial-${process.pid}`;
  const out = createWriteStream(partial, { highWaterMark: 4 * 1024 * 1024 });
  const closed = once(out, 'close');
  let buffer = '';
  await forEachLine(
    jsonl,
    (line) => {
      buffer += typedRow(line);
      if (buffer.length >= 1024 * 1024) {
        out.write(buffer);
        buffer = '';
      }
    },
    // Between reader chunks, wait for the disk: memory stays bounded.
    async () => {
      if (out.writableNeedDrain) await once(out, 'drain');
    },
  );
  out.end(buffer);
  await closed;
  renameSync(partial, csv);
  console.log(`converted to typed CSV ${csv} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return csv;
}
