import { InterceptingCall, ListenerBuilder, RequesterBuilder, type Interceptor } from '@grpc/grpc-js';
import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type ConnectionOptions } from '@temporalio/client';

/**
 * A lazy client Connection whose close() first lets calls in flight finish.
 *
 * The SDK's gRPC retry interceptor waits between attempts on plain timers that
 * Connection.close() does not clear; a retry firing after the close throws "Channel has been
 * shut down" inside the timer, where no caller can catch it, and the process dies (seen when
 * the API stopped during a Temporal outage). Here, close() stops further retries (a pending
 * one makes its last attempt and reports), waits until no call is in flight (bounded), then
 * closes the channel.
 */
export function createDrainingConnection(options: Omit<ConnectionOptions, 'interceptors'> & { drainTimeoutMs?: number }): Connection {
  const { drainTimeoutMs = 15_000, ...connectionOptions } = options;
  let closing = false;
  let inFlight = 0;
  const idleWaiters = new Set<() => void>();

  // Outermost: sees one final status per call, after every retry the next one made.
  const tracker: Interceptor = (callOptions, nextCall) => {
    const call = nextCall(callOptions);
    inFlight++;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      inFlight--;
      if (inFlight === 0) for (const wake of idleWaiters) wake();
    };
    const requester = new RequesterBuilder()
      .withStart((metadata, listener, next) => {
        next(
          metadata,
          new ListenerBuilder()
            .withOnReceiveStatus((status, nextStatus) => {
              finish();
              nextStatus(status);
            })
            .build(),
        );
      })
      .build();
    return new InterceptingCall(call, requester);
  };
  const defaults = defaultGrpcRetryOptions();
  const retry = makeGrpcRetryInterceptor({ ...defaults, retryableDecider: (attempt, status) => !closing && defaults.retryableDecider(attempt, status) });

  const connection = Connection.lazy({ ...connectionOptions, interceptors: [tracker, retry] });
  const closeChannel = connection.close.bind(connection);
  connection.close = async () => {
    closing = true;
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, drainTimeoutMs);
        timer.unref();
        idleWaiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    await closeChannel();
  };
  return connection;
}
