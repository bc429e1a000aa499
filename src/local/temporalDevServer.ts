import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { LocalStackError } from '../errors';
import { startServerProcess, stopChild } from './childProcess';
import { isPortOpen, waitFor } from './ports';

export interface TemporalDevServerOptions {
  cliPath: string;
  port: number;
  uiPort: number;
  /** SQLite file: workflows survive a restart of the dev server. Omitted: in memory. */
  dbFile?: string;
  namespace: string;
  /** Search attributes to register at launch, name → type (Keyword, Text, ...). */
  searchAttributes?: Record<string, string>;
  logFile: string;
  startTimeoutMs?: number;
}

export interface TemporalDevServer {
  address: string;
  uiUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` and resolves once its frontend accepts connections. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  if (await isPortOpen(options.port)) {
    throw new LocalStackError(`port ${options.port} is already in use; set TEMPORAL_ADDRESS to use that server, or free the port`);
  }
  if (options.dbFile) mkdirSync(path.dirname(options.dbFile), { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--log-level', 'warn',
    // WAL with synchronous=NORMAL: one fsync per checkpoint instead of per transaction.
    // Survives a crash of the server process; only an OS crash can lose the last commits,
    // an acceptable trade for a development server (the default journal made a 10,000-
    // webhook burst several times slower).
    '--sqlite-pragma', 'journal_mode=wal',
    '--sqlite-pragma', 'synchronous=normal',
  ];
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  if (options.namespace !== 'default') args.push('--namespace', options.namespace);
  for (const [name, type] of Object.entries(options.searchAttributes ?? {})) args.push('--search-attribute', `${name}=${type}`);
  const child = await startServerProcess({
    name: 'the Temporal dev server',
    command: options.cliPath,
    args,
    port: options.port,
    logFile: options.logFile,
    startTimeoutMs: options.startTimeoutMs,
  });
  try {
    await waitForNamespace(`127.0.0.1:${options.port}`, options.namespace, options.startTimeoutMs ?? 60_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    process: child,
    stop: () => stopChild(child, 10_000),
  };
}

/** The frontend accepts connections before the namespace is registered; wait for both. */
export async function waitForNamespace(address: string, namespace: string, timeoutMs: number): Promise<void> {
  await waitFor(
    `Temporal namespace ${namespace} at ${address}`,
    async () => {
      let connection: Connection | undefined;
      try {
        connection = await Connection.connect({ address, connectTimeout: 1_000 });
        await connection.withDeadline(Date.now() + 2_000, () => connection!.workflowService.describeNamespace({ namespace }));
        return true;
      } catch {
        return false;
      } finally {
        await connection?.close();
      }
    },
    timeoutMs,
    250,
  );
}
