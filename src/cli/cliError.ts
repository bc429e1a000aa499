import type { ExitCode } from './exitCodes';

/** Every failure a command reports: the exit code, a stable code for scripts, and what the API said. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CliError';
  }
}
