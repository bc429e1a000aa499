/** The API process on its own (docker-compose `api`): webhooks, inbox relay, health. */
import { parseConfig, requireEndpoints } from '../config/config';
import { createDb, createPool } from '../db/client';
import { runMigrations } from '../db/migrate';
import { ConfigError, errorMessage } from '../errors';
import { onShutdownSignal } from '../lifecycle';
import { createLogger } from '../logger';
import { createTemporalClient } from '../temporal/client';
import { startApi } from './startApi';

async function main(): Promise<void> {
  const config = requireEndpoints(parseConfig(process.env));
  const logger = createLogger(config.logLevel, { process: 'api' });
  await runMigrations(config.databaseUrl);
  const pool = createPool(config.databaseUrl, { max: config.databasePoolSize, connectionTimeoutMillis: 2_000 });
  const temporal = createTemporalClient(config.temporal.address, config.temporal.namespace);
  const api = await startApi({ config, db: createDb(pool), temporal, logger, host: config.host });
  logger.info({ url: api.url }, 'API listening');
  onShutdownSignal(logger, async () => {
    await api.close();
    logger.info('API stopped accepting; in-flight requests finished');
    await temporal.connection.close();
    await pool.end();
  });
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `API failed to start: ${errorMessage(err)}`);
  process.exit(1);
});
