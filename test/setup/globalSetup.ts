import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { freePort } from '../../src/local/ports';
import { ensureTemporalCli } from '../../src/local/temporalCli';
import { startTemporalDevServer } from '../../src/local/temporalDevServer';
import { WORKFLOWS_PATH } from '../../src/worker/createWorker';
import { startTestPostgres } from './testStack';
import { SEARCH_ATTRIBUTE_FLAGS } from '../../src/workflows/searchAttributes';

/**
 * One real PostgreSQL cluster and one real Temporal dev server for the whole run. Suites
 * get their own database (cloned from a migrated template) and their own task queue, so
 * they run in parallel without seeing each other. Suites that stop a server start their own.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'b2b-test-'));
  const cliPath = await ensureTemporalCli(process.env.TEMPORAL_CLI_PATH, (m) => console.log(m));
  const [postgres, temporal, bundle] = await Promise.all([
    startTestPostgres(),
    (async () =>
      startTemporalDevServer({
        cliPath,
        port: await freePort(),
        uiPort: await freePort(),
        dbFile: path.join(scratch, 'temporal.sqlite'),
        namespace: 'default',
        searchAttributes: SEARCH_ATTRIBUTE_FLAGS,
        logFile: path.join(scratch, 'temporal.log'),
      }))(),
    bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger }),
  ]);
  const bundlePath = path.join(scratch, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);

  process.env.TEST_PG_PORT = String(postgres.port);
  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_TEMPORAL_UI_URL = temporal.uiUrl;
  process.env.TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.TEST_TEMPORAL_CLI = cliPath;
  process.env.TEST_SCRATCH_DIR = scratch;
  (globalThis as Record<string, unknown>).__testStack = { postgres, temporal };
  console.log(`\ntest stack ready in ${Date.now() - started} ms (PostgreSQL :${postgres.port}, Temporal ${temporal.address})`);
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
