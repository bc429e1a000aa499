import type { LogLevel } from '@temporalio/common';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import type { Logger } from '../logger';

const TO_TEMPORAL: Record<string, LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
  silent: 'ERROR',
};

const TO_PINO: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The SDK's own logs (worker state, activity and workflow failures, the replay-aware
 * workflow `log`) as structured JSON lines through our logger, at our level.
 */
export function sdkLogger(logger: Logger): DefaultLogger {
  const level = TO_TEMPORAL[logger.level] ?? 'INFO';
  return new DefaultLogger(level, (entry: LogEntry) => {
    logger[TO_PINO[entry.level]]({ ...entry.meta, sdk: true }, entry.message);
  });
}
