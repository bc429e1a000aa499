import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { LocalStackError } from '../errors';
import { isPortOpen, waitFor } from './ports';

/** SIGTERM, then SIGKILL if the process has not exited in time. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Kills a detached child when this process exits for any reason, so none is orphaned. */
export function killOnExit(child: ChildProcess): void {
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  child.once('exit', () => process.removeListener('exit', kill));
}

export interface ServerProcessOptions {
  /** For messages: "the Temporal dev server". */
  name: string;
  command: string;
  args: string[];
  port: number;
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  startTimeoutMs?: number;
}

/**
 * Starts a local server in its own process group (a terminal Ctrl-C reaches only the
 * launcher, which stops it after the API and worker have drained; killOnExit covers the
 * launcher dying first), logging to `logFile`, and resolves once its port accepts
 * connections. A server that exits at start fails fast with where to look.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ChildProcess> {
  await mkdir(path.dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log], detached: true });
  killOnExit(child);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  try {
    await waitFor(
      `${options.name} on port ${options.port} (log: ${options.logFile})`,
      async () => {
        if (exited) throw new LocalStackError(`${options.name} exited at start; see ${options.logFile}`);
        return isPortOpen(options.port);
      },
      options.startTimeoutMs ?? 60_000,
      200,
    );
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return child;
}
