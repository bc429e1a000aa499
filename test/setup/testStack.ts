import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMigrations } from '../../src/db/migrate';
import { freePort } from '../../src/local/ports';
import { PostgresCluster } from '../../src/local/postgresCluster';

/** Settings for throwaway clusters: durability is not what these tests measure. */
export const TEST_PG_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

export const TEMPLATE_DB = 'migrated_template';

/** A PostgreSQL cluster in a temp folder with the migrated template database. */
export async function startTestPostgres(settings: Record<string, string> = TEST_PG_SETTINGS): Promise<PostgresCluster> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'b2b-pg-'));
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'data');
  const cluster = new PostgresCluster({ dataDir, port: await freePort(), settings });
  await cluster.start();
  const url = await cluster.createDatabase(TEMPLATE_DB);
  await runMigrations(url);
  return cluster;
}
