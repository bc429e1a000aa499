import type pg from 'pg';

/** What the database knows about the service's health, read per scrape (cached briefly). */
export interface OperationalSnapshot {
  inboxPending: number;
  /** Pending rows the relay tried to start and could not (Temporal unreachable); they wait with back-off. */
  inboxPendingRetrying: number;
  /** Age of the oldest pending row: how far the relay is behind. 0 when nothing waits. */
  oldestPendingAgeSeconds: number;
  inboxDead: number;
  draftOrdersCreated: number;
  catalogImportsActive: number;
  /** JSONL lines loaded by every import ever recorded: a counter, so rate() gives lines per second. */
  catalogImportLinesLoaded: number;
  /** Lines per second of the last completed import, from its start to its end (export wait included). */
  lastCatalogImportLinesPerSecond: number;
}

/*
 * Each count runs on a partial index (pending, dead) or a small table, so a scrape stays
 * cheap on an inbox of millions of rows. Counting every status would scan the inbox.
 */
const SNAPSHOT_SQL = `
  SELECT
    (SELECT count(*) FROM webhook_inbox WHERE status = 'pending')::bigint AS inbox_pending,
    (SELECT count(*) FROM webhook_inbox WHERE status = 'pending' AND last_error IS NOT NULL)::bigint AS inbox_pending_retrying,
    (SELECT coalesce(extract(epoch FROM now() - min(received_at)), 0) FROM webhook_inbox WHERE status = 'pending')::float8 AS oldest_pending_age,
    (SELECT count(*) FROM webhook_inbox WHERE status = 'dead')::bigint AS inbox_dead,
    (SELECT count(*) FROM cart_drafts WHERE draft_order_gid IS NOT NULL)::bigint AS drafts_created,
    (SELECT count(*) FROM catalog_imports WHERE status IN ('exporting', 'loading', 'merging'))::bigint AS imports_active,
    (SELECT coalesce(sum(lines_loaded), 0) FROM catalog_imports)::bigint AS import_lines,
    (SELECT coalesce(lines_loaded / nullif(extract(epoch FROM finished_at - created_at), 0), 0)
       FROM catalog_imports WHERE status = 'completed' AND finished_at IS NOT NULL
      ORDER BY finished_at DESC LIMIT 1)::float8 AS last_import_rate`;

export async function readOperationalSnapshot(pool: pg.Pool): Promise<OperationalSnapshot> {
  const { rows } = await pool.query<Record<string, string | number | null>>({ name: 'metrics_operational_snapshot', text: SNAPSHOT_SQL });
  const row = rows[0] ?? {};
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    inboxPending: n('inbox_pending'),
    inboxPendingRetrying: n('inbox_pending_retrying'),
    oldestPendingAgeSeconds: n('oldest_pending_age'),
    inboxDead: n('inbox_dead'),
    draftOrdersCreated: n('drafts_created'),
    catalogImportsActive: n('imports_active'),
    catalogImportLinesLoaded: n('import_lines'),
    lastCatalogImportLinesPerSecond: n('last_import_rate'),
  };
}
