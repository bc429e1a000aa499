import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

function toSnakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * `SET col = excluded.col` for an upsert, for every column except the conflict keys.
 * The schema sets snake_case once, so the database name is derived the same way here.
 */
export function setFromExcluded<T extends PgTable>(table: T, except: readonly (keyof T['_']['columns'])[]): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const key of Object.keys(getTableColumns(table))) {
    if (except.includes(key as keyof T['_']['columns'])) continue;
    set[key] = sql.raw(`excluded.${toSnakeCase(key)}`);
  }
  return set;
}

/**
 * The newer-wins guard for rows fed by webhooks and imports: apply only when the incoming
 * (shopify_updated_at, source_event_at) pair is strictly newer than the stored one.
 */
export function isNewerThanStored(table: { shopifyUpdatedAt: unknown; sourceEventAt: unknown }): SQL {
  return sql`(${table.shopifyUpdatedAt}, ${table.sourceEventAt}) < (excluded.shopify_updated_at, excluded.source_event_at)`;
}
