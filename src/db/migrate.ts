import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { createDb, createPool } from './client';

/** The drizzle-kit output folder, found from the source tree or from dist/. */
export const MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', 'drizzle');

/** Any constant works; it only has to be the same in every process of this service. */
const MIGRATION_LOCK_KEY = 7_314_202_611;

/**
 * Applies every pending migration. The API and the worker both call this at start-up,
 * so a session advisory lock serialises them (drizzle's migrator takes none itself).
 * The pool has one connection, so the lock and the migration share a session.
 */
export async function runMigrations(databaseUrl: string, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  const pool = createPool(databaseUrl, { max: 1, applicationName: 'b2b-orchestrator-migrate' });
  try {
    await pool.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(createDb(pool), { migrationsFolder });
    } finally {
      await pool.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await pool.end();
  }
}
