import type { Command } from 'commander';

/** What the entry point read from the environment; nothing below main.ts reads process.env. */
export interface CliEnv {
  apiUrl: string | undefined;
  adminToken: string | undefined;
  approverToken: string | undefined;
}

/** Raw writes: callers add the newline. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress bars only on a terminal: a log file gets the final line, not 500 redraws. */
  errIsTTY: boolean;
}

export interface CliContext {
  env: CliEnv;
  io: CliIo;
}

/** One command's outcome: `data` is the --json document, `human` the text otherwise. */
export interface CommandResult {
  exitCode: number;
  data: unknown;
  human: string;
}

/** Each command module adds its command to the program and reports its result once. */
export type RegisterCommand = (program: Command, ctx: CliContext, report: (result: CommandResult) => void) => void;
