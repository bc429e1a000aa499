import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, createPool, type Db } from '../../src/db/client';
import { TEMPLATE_DB } from '../setup/testStack';

export interface TestDatabase {
  url: string;
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function testPgUrl(database: string, port = Number(process.env.TEST_PG_PORT)): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
}

/** A fresh database cloned from the migrated template: real schema, real migrations, no leftovers. */
export async function createTestDatabase(port = Number(process.env.TEST_PG_PORT)): Promise<TestDatabase> {
  const name = `t${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPgUrl('postgres', port) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = testPgUrl(name, port);
  const pool = createPool(url, { max: 10, connectionTimeoutMillis: 2_000 });
  return { url, pool, db: createDb(pool), close: () => pool.end() };
}
