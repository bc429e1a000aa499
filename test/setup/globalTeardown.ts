import type { PostgresCluster } from '../../src/local/postgresCluster';
import type { TemporalDevServer } from '../../src/local/temporalDevServer';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>).__testStack as
    | { postgres: PostgresCluster; temporal: TemporalDevServer }
    | undefined;
  await stack?.temporal.stop();
  await stack?.postgres.stop();
}
