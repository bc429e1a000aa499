import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

export function ensureJavaTestServer(log: (message: string) => void): string {
  const dir = javaTestServerDir();
  const launcher = javaTestServerLauncher();
  if (existsSync(launcher) && existsSync(path.join(dir, 'lib', `temporal-test-server-${JAVA_TEST_SERVER_VERSION}.jar`))) return launcher;
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
  writeFileSync(launcher, `#!/bin/sh\nexec java -cp '${path.join(dir, 'lib')}/*' io.temporal.testserver.TestServer "$@"\n`);
  chmodSync(launcher, 0o755);
  return launcher;
}
