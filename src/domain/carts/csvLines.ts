/**
 * Cart lines pasted from an ERP export: `sku,quantity` per row, an optional header row,
 * RFC 4180 quoting, blank rows ignored. Every bad row is reported with its row number (1 =
 * the first row of the text), not just the first one.
 */
export interface CsvLine {
  sku: string;
  quantity: number;
  /** The row it came from, for the buyer's error messages. */
  row: number;
}

export interface CsvRowError {
  row: number;
  message: string;
}

export type CsvLinesResult = { ok: true; lines: CsvLine[] } | { ok: false; errors: CsvRowError[] };

const MAX_REPORTED_ERRORS = 100;

/** Splits one CSV record; undefined when a quote is not closed. */
function fields(record: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (record[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = record.indexOf('"', i);
        if (q === -1) return undefined;
        value += record.slice(i, q);
        if (record[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      if (i < record.length && record[i] !== ',') return undefined;
    } else {
      const comma = record.indexOf(',', i);
      out.push(record.slice(i, comma === -1 ? record.length : comma).trim());
      i = comma === -1 ? record.length : comma;
    }
    if (i >= record.length) return out;
    i++; // the comma
    if (i === record.length) {
      out.push('');
      return out;
    }
  }
}

const HEADER = /^\s*"?sku"?\s*,\s*"?(quantity|qty)"?\s*$/i;

export function parseCsvLines(text: string, options: { maxQuantity: number }): CsvLinesResult {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines: CsvLine[] = [];
  const errors: CsvRowError[] = [];
  const fail = (row: number, message: string) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ row, message });
  };
  rows.forEach((record, i) => {
    const row = i + 1;
    if (record.trim() === '') return;
    if (i === 0 && HEADER.test(record)) return;
    const f = fields(record);
    if (!f) return fail(row, 'unclosed quote');
    if (f.length !== 2) return fail(row, `expected 2 fields (sku,quantity), got ${f.length}`);
    const [sku, quantityText] = [f[0]!.trim(), f[1]!.trim()];
    if (sku === '') return fail(row, 'empty SKU');
    if (!/^\d+$/.test(quantityText)) return fail(row, `quantity ${JSON.stringify(quantityText)} is not a whole number`);
    const quantity = Number(quantityText);
    if (quantity < 1 || quantity > options.maxQuantity) return fail(row, `quantity ${quantity} is outside 1–${options.maxQuantity}`);
    lines.push({ sku, quantity, row });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}
