import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, isPortOpen, waitFor } from '../src/local/ports';

/**
 * Temporal's Java test server, for time-skipping tests (approval deadlines of days): the
 * artifact io.temporal:temporal-test-server and its dependencies resolved by Maven into a
 * cache outside the clone, plus a small launcher script that @temporalio/testing starts as
 * an `existing-path` test server. Built once; needs `java` and `mvn`.
 */
export const JAVA_TEST_SERVER_VERSION = '1.31.0';

export function javaTestServerDir(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cacheRoot, 'b2b-orchestrator', `temporal-test-server-${JAVA_TEST_SERVER_VERSION}`);
}

/** The launcher: `<launcher> <port> [--enable-time-skipping]`, as the Temporal SDKs call the test server. */
export const javaTestServerLauncher = () => path.join(javaTestServerDir(), 'temporal-test-server');

export async function ensureJavaTestServer(log: (message: string) => void): Promise<string> {
  const dir = javaTestServerDir();
  if (!existsSync(path.join(dir, 'lib', `temporal-test-server-${JAVA_TEST_SERVER_VERSION}.jar`))) fetchJars(dir, log);
  const archive = await ensureClassArchive(dir, log);
  // Rewritten every time (cheap), so a cache made before the archive existed picks it up.
  const launcher = javaTestServerLauncher();
  const share = archive ? `-Xshare:auto -XX:SharedArchiveFile='${archive}' ` : '';
  writeFileSync(launcher, `#!/bin/sh\nexec java ${share}-cp '${path.join(dir, 'lib')}/*' ${MAIN_CLASS} "$@"\n`);
  chmodSync(launcher, 0o755);
  return launcher;
}

const MAIN_CLASS = 'io.temporal.testserver.TestServer';

function fetchJars(dir: string, log: (message: string) => void): void {
  for (const tool of ['java', 'mvn']) {
    try {
      execFileSync(tool, ['-version'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is needed once to fetch Temporal's Java test server (time-skipping tests): install a JDK 17+ and Maven`);
    }
  }
  log(`fetching io.temporal:temporal-test-server:${JAVA_TEST_SERVER_VERSION} with Maven (once) …`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'temporal-test-server-'));
  try {
    writeFileSync(
      path.join(work, 'pom.xml'),
      `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>temporal-test-server-fetch</artifactId><version>1</version>
  <dependencies><dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>${JAVA_TEST_SERVER_VERSION}</version></dependency></dependencies>
</project>
`,
    );
    mkdirSync(dir, { recursive: true });
    execFileSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${path.join(dir, 'lib')}`], { cwd: work, stdio: 'inherit' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!readdirSync(path.join(dir, 'lib')).some((f) => f.startsWith('temporal-test-server-'))) throw new Error('Maven did not deliver temporal-test-server');
}

/**
 * The SDK gives the test server 5 s to listen, a limit it does not let us change. A cold JVM
 * loading these jars takes 1.5–2.7 s on an idle 2-core machine and went past 5 s under a full
 * test run's load (CI failed on it). A class-data-sharing archive of the classes loaded up to
 * the moment it listens cuts that to about 0.6 s. Recorded once by running the server and
 * stopping it; a JVM that cannot use the archive (another JDK build) ignores it and starts
 * the slow way. Returns the archive, or undefined when recording failed (not fatal).
 */
async function ensureClassArchive(dir: string, log: (message: string) => void): Promise<string | undefined> {
  const archive = path.join(dir, 'classes.jsa');
  if (existsSync(archive)) return archive;
  log('recording a class-data archive for the test server (once) …');
  const recording = `${archive}.recording`;
  rmSync(recording, { force: true });
  const port = await freePort();
  const server = spawn('java', [`-XX:ArchiveClassesAtExit=${recording}`, '-cp', `${path.join(dir, 'lib')}/*`, MAIN_CLASS, String(port), '--enable-time-skipping'], { stdio: 'ignore' });
  const exited = once(server, 'exit');
  try {
    await waitFor(`the Java test server on port ${port}`, () => isPortOpen(port), 120_000);
  } catch (err) {
    log(`no class-data archive: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    server.kill('SIGTERM'); // the JVM writes the archive while it shuts down
    await exited;
  }
  if (!existsSync(recording)) return undefined;
  renameSync(recording, archive);
  return archive;
}
