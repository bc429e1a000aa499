import { TestWorkflowEnvironment } from '@temporalio/testing';
import { javaTestServerLauncher } from '../../scripts/javaTestServer';

/**
 * A time-skipping environment on Temporal's Java test server (installed by `npm run setup --
 * --for-tests`). The SDK waits a fixed 5 s for the server to listen; setup's class-data
 * archive makes the JVM listen in well under a second, and a start that still misses the
 * window on a loaded machine is tried again rather than failing the suite.
 */
export async function startTimeSkippingEnvironment(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: javaTestServerLauncher() } } });
    } catch (err) {
      if (attempt >= attempts || !/did not start within/.test(String(err))) throw err;
    }
  }
}
