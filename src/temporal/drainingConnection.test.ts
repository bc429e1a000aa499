import { freePort } from '../local/ports';
import { createDrainingConnection } from './drainingConnection';

// Nothing listens on the port: every attempt fails UNAVAILABLE and the SDK's interceptor
// retries with growing pauses (the situation of the API stopping during a Temporal outage).
it('close() while a call is between retries: the call ends with its error, the close completes, and no retry fires afterwards', async () => {
  const connection = createDrainingConnection({ address: `127.0.0.1:${await freePort()}` });
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => uncaught.push(err);
  process.on('uncaughtException', onUncaught);
  try {
    const call = connection.workflowService.getSystemInfo({}).then(
      () => 'answered',
      (err: Error) => err.message,
    );
    // Let a few attempts fail so a retry timer is pending.
    await new Promise((r) => setTimeout(r, 400));
    const started = Date.now();
    await connection.close();
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(await call).toMatch(/UNAVAILABLE|No connection established|connect/i);
    // A retry timer left behind would fire within its backoff and throw "Channel has been shut down".
    await new Promise((r) => setTimeout(r, 1_500));
    expect(uncaught).toEqual([]);
  } finally {
    process.off('uncaughtException', onUncaught);
  }
}, 30_000);

it('close() with nothing in flight closes at once', async () => {
  const connection = createDrainingConnection({ address: `127.0.0.1:${await freePort()}` });
  const started = Date.now();
  await connection.close();
  expect(Date.now() - started).toBeLessThan(1_000);
});
