import type pg from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';
import { cachedValue } from './cachedValue';
import { readOperationalSnapshot, type OperationalSnapshot } from './operationalQueries';

/** Scrapes within this window share one round of queries. */
export const SNAPSHOT_TTL_MS = 2_000;

type Reading = { ok: true; snapshot: OperationalSnapshot } | { ok: false };

/**
 * Metrics whose truth is in PostgreSQL (queue health, drafts, catalog imports), read when
 * Prometheus scrapes rather than counted in a process: they stay right with several API and
 * worker processes and across restarts. With PostgreSQL unreachable they read NaN and
 * `b2b_metrics_database_up` is 0, so the scrape itself still answers.
 */
export function registerOperationalMetrics(registry: Registry, pool: pg.Pool, ttlMs = SNAPSHOT_TTL_MS): void {
  const read = cachedValue<Reading>(
    () => readOperationalSnapshot(pool).then((snapshot) => ({ ok: true as const, snapshot }), () => ({ ok: false as const })),
    ttlMs,
  );
  const registers = [registry];

  new Gauge({
    name: 'b2b_metrics_database_up',
    help: '1 if the metrics below could be read from PostgreSQL at this scrape, else 0',
    registers,
    async collect() {
      this.set((await read()).ok ? 1 : 0);
    },
  });

  const gauge = (name: string, help: string, pick: (s: OperationalSnapshot) => number) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const reading = await read();
        this.set(reading.ok ? pick(reading.snapshot) : Number.NaN);
      },
    });
  // A total that only the database holds: set from the reading (Prometheus treats a drop as a reset).
  const total = (name: string, help: string, pick: (s: OperationalSnapshot) => number) =>
    new Counter({
      name,
      help,
      registers,
      async collect() {
        const reading = await read();
        this.reset();
        if (reading.ok) this.inc(pick(reading.snapshot));
      },
    });

  gauge('b2b_inbox_pending_events', 'Webhooks recorded in the inbox whose workflow has not been started yet', (s) => s.inboxPending);
  gauge('b2b_inbox_pending_retrying_events', 'Pending webhooks the relay failed to start (Temporal unreachable) and retries with back-off', (s) => s.inboxPendingRetrying);
  gauge('b2b_inbox_oldest_pending_age_seconds', 'Age of the oldest pending webhook: the relay lag (0 when none waits)', (s) => s.oldestPendingAgeSeconds);
  gauge('b2b_inbox_dead_events', 'Webhooks that exhausted their retries and wait for a replay', (s) => s.inboxDead);
  gauge('b2b_catalog_imports_active', 'Catalog imports exporting, loading or merging', (s) => s.catalogImportsActive);
  gauge('b2b_catalog_import_last_lines_per_second', 'JSONL lines per second of the last completed catalog import, start to finish', (s) => s.lastCatalogImportLinesPerSecond);
  total('b2b_draft_orders_created_total', 'Shopify draft orders created for split carts', (s) => s.draftOrdersCreated);
  total('b2b_catalog_import_lines_loaded_total', 'JSONL lines loaded by catalog imports (rate() of it is rows per second)', (s) => s.catalogImportLinesLoaded);
}
