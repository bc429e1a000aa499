import { Runtime } from '@temporalio/worker';
import type { Logger } from '../logger';
import { sdkLogger } from '../temporal/runtimeLogger';

/**
 * Installs the process's one Temporal Runtime (it can be installed once, before any worker
 * or native connection exists): the SDK's logs through our logger and, when an address is
 * configured, its metrics (workflow/activity task latencies, failures, poller and slot
 * usage, custom activity metrics) as Prometheus text at http://<address>/metrics.
 * Signals are ours (lifecycle.ts) so the API stops before the worker.
 */
export function installTemporalRuntime(logger: Logger, metricsAddress: string | undefined): Runtime {
  return Runtime.install({
    shutdownSignals: [],
    logger: sdkLogger(logger),
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
  });
}
