/**
 * Parses a batch of whole JSONL lines of a Shopify catalog export into typed CSV rows for
 * `COPY … FROM STDIN WITH (FORMAT csv)` into the import's rows table (ROW_COLUMNS). Pure:
 * no I/O, no state between calls; the worker thread (parserWorker.ts) calls it per batch.
 *
 * Every line gives exactly one row, so COPY's row count checks the line count:
 * - a usable line: its line number, kind and the fields the merge reads for that kind;
 * - a line that cannot be used: its line number, `reject` (the reason) and `raw` (its
 *   first 4096 characters), every other column NULL;
 * - an empty line: only its line number (it holds no object; the checks drop it).
 */

/** The columns of the rows table, in the order of the CSV fields. */
export const ROW_COLUMNS = [
  'line_no', 'kind', 'gid', 'parent_gid', 'updated_at', 'title', 'handle', 'status', 'vendor', 'product_type', 'tags',
  'sku', 'price', 'compare_at_price', 'position', 'inventory_item_gid', 'location_gid', 'location_name', 'available',
  'namespace', 'key', 'type', 'value', 'reject', 'raw',
] as const;

export interface ParsedBatch {
  /** One CSV row per line, each ending with a newline. */
  csv: Buffer;
  /** Lines in the batch (an empty line counts; so does a last line without its newline). */
  lines: number;
  /** Rows that are rejects. */
  rejected: number;
}

const NEWLINE = 0x0a;
/** A reject keeps this many characters of its line. */
export const RAW_LINE_CHARS = 4096;
const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

/** CSV field: NULL is empty and unquoted; '' and anything with , " CR LF are quoted, quotes doubled. */
const NEEDS_QUOTES = /[",\n\r]/;
export function csv(value: string): string {
  if (value === '') return '""';
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/** As PostgreSQL's ->>: absent or null → NULL, strings as they are, anything else as JSON text. */
function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const field = (value: string | null): string => (value === null ? '' : csv(value));

/** A text[] literal such as {"b2b","tier-1"}; NULL when `tags` is not an array. */
const ARRAY_ESCAPES = /[\\"]/;
export function tagsLiteral(tags: unknown): string | null {
  if (!Array.isArray(tags)) return null;
  let literal = '{';
  for (let i = 0; i < tags.length; i++) {
    if (i > 0) literal += ',';
    const tag = text(tags[i]);
    if (tag === null) literal += 'NULL';
    else literal += `"${ARRAY_ESCAPES.test(tag) ? tag.replace(/[\\"]/g, '\\$&') : tag}"`;
  }
  return `${literal}}`;
}

/** An ISO 8601 timestamp timestamptz takes: real calendar date, time, optional fraction and zone. */
const TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[T ](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$/;
function validTimestamp(value: string): boolean {
  if (!TIMESTAMP.test(value) || value.startsWith('0000')) return false;
  const day = (value.charCodeAt(8) - 48) * 10 + (value.charCodeAt(9) - 48);
  if (day <= 28) return true;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Text numeric(20, 4) takes: a plain decimal with at most 16 digits before the point. */
const DECIMAL = /^[+-]?(?:(\d+)(?:\.\d*)?|\.\d+)$/;
function decimal(value: unknown): string | undefined {
  const s = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof s !== 'string') return undefined;
  const match = DECIMAL.exec(s);
  if (!match) return undefined;
  const whole = (match[1] ?? '').replace(/^0+/, '');
  // 16 nines may round up to 17 digits at 4 decimals.
  if (whole.length > 16 || (whole.length === 16 && /^9+$/.test(whole))) return undefined;
  return s;
}

/** Text integer takes: a JSON integer (or integer string) in int4 range. */
const INTEGER = /^[+-]?\d+$/;
function int4(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= INT4_MIN && value <= INT4_MAX ? String(value) : undefined;
  if (typeof value === 'string' && INTEGER.test(value)) {
    const n = Number(value);
    return n >= INT4_MIN && n <= INT4_MAX ? value : undefined;
  }
  return undefined;
}

type Json = Record<string, unknown>;

/** The object type of a Shopify GID: gid://shopify/<Type>/<id>[?…] (the four we take without allocating). */
const GID_PREFIX = 'gid://shopify/';
function gidType(gid: string): string | undefined {
  if (gid.startsWith(GID_PREFIX)) {
    const at = GID_PREFIX.length;
    if (gid.startsWith('ProductVariant/', at)) return 'ProductVariant';
    if (gid.startsWith('Product/', at)) return 'Product';
    if (gid.startsWith('InventoryLevel/', at)) return 'InventoryLevel';
    if (gid.startsWith('Metafield/', at)) return 'Metafield';
  }
  // As split_part(split_part(id, '/', 4), '?', 1).
  return gid.split('/')[3]?.split('?')[0] || undefined;
}

/** quantities[name = available].quantity: the first such entry. */
function availableQuantity(quantities: unknown): unknown {
  if (!Array.isArray(quantities)) return null;
  for (const q of quantities as unknown[]) {
    if (q !== null && typeof q === 'object' && (q as Json).name === 'available') return (q as Json).quantity ?? null;
  }
  return null;
}

/** Per batch: how many rejects so far. */
interface Tally {
  rejected: number;
}

// Everything from kind to value is NULL in a reject (22 fields).
const REJECT_EMPTY_FIELDS = ','.repeat(22);
// Everything after line_no is NULL in the row of an empty line (24 fields).
const EMPTY_LINE_FIELDS = ','.repeat(24);

function reject(tally: Tally, lineNo: number, reason: string, line: string): string {
  tally.rejected++;
  let raw = line.length > RAW_LINE_CHARS ? line.slice(0, RAW_LINE_CHARS) : line;
  // PostgreSQL text cannot hold NUL.
  if (raw.includes('\0')) raw = raw.replace(/\0/g, '');
  return `${lineNo}${REJECT_EMPTY_FIELDS},${csv(reason)},${csv(raw)}\n`;
}

/** `count` NULL fields, each after its comma. */
const nulls = (count: number) => ','.repeat(count);
const N2 = nulls(2);
const N5 = nulls(5);
const N6 = nulls(6);
const N9 = nulls(9);
const N11 = nulls(11);
const N14 = nulls(14);

const objectAt = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' ? (value as Json) : undefined);

/*
 * One function per kind of line, each reading only the fields the merge takes from that
 * kind (the other columns are NULL): each sees objects of one shape, so its property
 * reads stay monomorphic. Every row has the 25 columns of ROW_COLUMNS:
 * line_no, kind, gid, parent_gid, updated_at | title, handle, status, vendor, product_type,
 * tags | sku, price, compare_at_price, position, inventory_item_gid | location_gid,
 * location_name, available | namespace, key, type, value | reject, raw.
 */

function productRow(t: Tally, lineNo: number, line: string, o: Json, head: string): string {
  const title = text(o.title);
  if (title === null) return reject(t, lineNo, 'product without title', line);
  return (
    `${head},${csv(title)},${field(text(o.handle))},${field(text(o.status))},${field(text(o.vendor))},` +
    `${field(text(o.productType))},${field(tagsLiteral(o.tags))}${N14}\n`
  );
}

function variantRow(t: Tally, lineNo: number, line: string, o: Json, head: string): string {
  const price = o.price === undefined || o.price === null ? undefined : decimal(o.price);
  if (price === undefined) return reject(t, lineNo, 'variant without a valid price', line);
  let compareAt = '';
  if (o.compareAtPrice !== undefined && o.compareAtPrice !== null) {
    const c = decimal(o.compareAtPrice);
    if (c === undefined) return reject(t, lineNo, 'invalid compareAtPrice', line);
    compareAt = c;
  }
  let position = '';
  if (o.position !== undefined && o.position !== null) {
    const p = int4(o.position);
    if (p === undefined) return reject(t, lineNo, 'invalid position', line);
    position = p;
  }
  return (
    `${head},${field(text(o.title))}${N5},${field(text(o.sku))},${price},${compareAt},${position},` +
    `${field(text(objectAt(o.inventoryItem)?.id))}${N9}\n`
  );
}

function levelRow(t: Tally, lineNo: number, line: string, o: Json, head: string): string {
  const location = objectAt(o.location);
  const locationGid = text(location?.id);
  const quantity = availableQuantity(o.quantities);
  const available = quantity === null ? undefined : int4(quantity);
  if (locationGid === null || available === undefined) return reject(t, lineNo, 'inventory level without location or available quantity', line);
  return `${head}${N11},${csv(locationGid)},${field(text(location?.name))},${available}${N6}\n`;
}

function metafieldRow(t: Tally, lineNo: number, line: string, o: Json, head: string): string {
  const namespace = text(o.namespace);
  const key = text(o.key);
  const type = text(o.type);
  const value = text(o.value);
  if (namespace === null || key === null || type === null || value === null) return reject(t, lineNo, 'incomplete metafield', line);
  return `${head}${N14},${csv(namespace)},${csv(key)},${csv(type)},${csv(value)}${N2}\n`;
}

function typedRow(t: Tally, lineNo: number, line: string): string {
  let j: unknown;
  try {
    j = JSON.parse(line);
  } catch {
    return reject(t, lineNo, 'malformed JSON', line);
  }
  if (j === null || typeof j !== 'object' || Array.isArray(j)) return reject(t, lineNo, 'not an object with an id', line);
  const o = j as Json;
  const gid = o.id;
  const kind = typeof gid === 'string' ? gidType(gid) : undefined;
  if (kind === undefined) return reject(t, lineNo, 'not an object with an id', line);
  if (kind !== 'Product' && kind !== 'ProductVariant' && kind !== 'InventoryLevel' && kind !== 'Metafield') {
    return reject(t, lineNo, `unexpected object type ${kind}`, line);
  }
  const updatedAt = o.updatedAt;
  if (typeof updatedAt !== 'string' || !validTimestamp(updatedAt)) return reject(t, lineNo, 'missing or invalid updatedAt', line);
  const parent = text(o.__parentId);
  if (kind !== 'Product' && parent === null) return reject(t, lineNo, 'parent (none) is not in the file', line);
  // updatedAt passed TIMESTAMP: nothing in it needs quoting.
  const head = `${lineNo},${kind},${csv(gid as string)},${field(parent)},${updatedAt}`;
  switch (kind) {
    case 'Product':
      return productRow(t, lineNo, line, o, head);
    case 'ProductVariant':
      return variantRow(t, lineNo, line, o, head);
    case 'InventoryLevel':
      return levelRow(t, lineNo, line, o, head);
    default:
      return metafieldRow(t, lineNo, line, o, head);
  }
}

/** The CSV row (line_no … raw, with its newline) of one line without its newline. */
export function rowOfLine(lineNo: number, line: string, tally: Tally = { rejected: 0 }): string {
  if (line === '') return `${lineNo}${EMPTY_LINE_FIELDS}\n`;
  const before = tally.rejected;
  const row = typedRow(tally, lineNo, line);
  if (!row.includes('\0')) return row;
  // A \u0000 escape parses to NUL, which PostgreSQL text cannot store.
  tally.rejected = before;
  return reject(tally, lineNo, 'NUL character in a string', line);
}

/**
 * The rows of a batch of whole lines (the last may lack its newline at the end of the
 * file), numbered from `firstLineNo`.
 */
export function parseBatch(input: Uint8Array, firstLineNo: number): ParsedBatch {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const tally: Tally = { rejected: 0 };
  // Each row is written straight into bytes: cheaper than one batch-sized string, whose
  // rope of rows would have to be flattened and then encoded. Rows are ~0.7 of the input.
  let out = Buffer.allocUnsafeSlow(Math.max(4096, bytes.length + (bytes.length >> 1)));
  let at = 0;
  let lines = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    const row = rowOfLine(firstLineNo + lines, end > start ? bytes.toString('utf8', start, end) : '', tally);
    lines++;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (at + row.length * 3 > out.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(out.length * 2, at + row.length * 3));
      out.copy(grown, 0, 0, at);
      out = grown;
    }
    at += out.write(row, at);
    start = end + 1;
  }
  return { csv: out.subarray(0, at), lines, rejected: tally.rejected };
}
