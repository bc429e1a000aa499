import { DefaultLogger, Runtime } from '@temporalio/worker';

// The SDK logs every worker state change at INFO; tests want errors (set TEST_TEMPORAL_LOG_LEVEL=WARN to see retries).
try {
  Runtime.install({ logger: new DefaultLogger((process.env.TEST_TEMPORAL_LOG_LEVEL as 'ERROR' | undefined) ?? 'ERROR') });
} catch {
  // Already installed in this worker process by an earlier test file.
}
