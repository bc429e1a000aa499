import type { Logger } from './logger';

/** Exit codes of a process stopped by a signal. */
export const EXIT_STOPPED = 0;
export const EXIT_SHUTDOWN_FAILED = 1;
/** 128 + SIGINT, what a shell reports for Ctrl-C; used for a second signal of either kind. */
export const EXIT_FORCED = 130;

/**
 * First SIGINT/SIGTERM: stop gracefully (stop accepting, finish in-flight work, shut the
 * worker down) and exit 0. A second signal exits at once with 130, for an operator (or an
 * orchestrator past its grace period) who will not wait: anything acknowledged is already in
 * PostgreSQL or Temporal, so exiting loses no accepted webhook.
 */
export function onShutdownSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(EXIT_FORCED);
    }
    stopping = true;
    const started = Date.now();
    logger.info({ signal }, 'shutting down');
    shutdown().then(
      () => {
        logger.info({ durationMs: Date.now() - started }, 'shut down');
        process.exit(EXIT_STOPPED);
      },
      (err) => {
        logger.error({ err: String(err) }, 'shutdown failed');
        process.exit(EXIT_SHUTDOWN_FAILED);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
