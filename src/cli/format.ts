/** Human output: aligned `label  value` lines and plain-text tables, nothing a terminal must interpret. */
export function formatFields(fields: [string, unknown][]): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${show(value)}`).join('\n');
}

export function formatTable(headers: string[], rows: unknown[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(show))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

export function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  // One line per row: an error message with newlines would break the table.
  return String(value).replace(/\s+/g, ' ');
}

/** Cuts long text (error messages in a table) to `max` characters. */
export function truncate(text: string | null | undefined, max: number): string {
  if (!text) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
