import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalStackError } from '../errors';

/**
 * The Temporal CLI carries the dev server (real server, SQLite persistence, Web UI).
 * v1.5.1 is the newest tag `go install` accepts: later tags carry a `replace` directive.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

/**
 * Cached outside the clone and keyed by version, so fresh clones (CI) reuse one build.
 * `XDG_CACHE_HOME` is honoured as usual.
 */
export function defaultTemporalCliPath(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cacheRoot, 'b2b-orchestrator', `temporal-cli-${TEMPORAL_CLI_VERSION}`, 'temporal');
}

const INSTALL_HELP = `Install the Temporal CLI ${TEMPORAL_CLI_VERSION} one of these ways:
  - with Go: GOBIN=<dir> go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}
  - or download Temporal's released CLI binary for your platform
then set TEMPORAL_CLI_PATH to the binary (or set TEMPORAL_ADDRESS to use a server you run).`;

/**
 * Returns the CLI binary, building it with `go install` when it is missing and Go is
 * present (about 3 minutes once; later runs reuse the cache).
 */
export async function ensureTemporalCli(configuredPath: string | undefined, log: (msg: string) => void): Promise<string> {
  if (configuredPath) {
    if (!existsSync(configuredPath)) throw new LocalStackError(`TEMPORAL_CLI_PATH ${configuredPath} does not exist.\n${INSTALL_HELP}`);
    return configuredPath;
  }
  const target = defaultTemporalCliPath();
  if (existsSync(target)) return target;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) throw new LocalStackError(`The Temporal CLI is not installed and Go is not available.\n${INSTALL_HELP}`);
  log(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go.stdout.trim()} (one time, a few minutes) into ${path.dirname(target)}`);
  mkdirSync(path.dirname(target), { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const child = spawn('go', ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: path.dirname(target) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new LocalStackError(`go install of the Temporal CLI failed (exit ${code}).\n${INSTALL_HELP}`)),
    );
  });
  if (!existsSync(target)) throw new LocalStackError(`go install finished but ${target} is missing.\n${INSTALL_HELP}`);
  return target;
}
