import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Db } from '../db/client';
import type { Logger } from '../logger';
import { createWorker } from './createWorker';

export interface WorkerDeps {
  address: string;
  namespace: string;
  taskQueue: string;
  db: Db;
  logger: Logger;
  workflowBundlePath?: string;
}

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has stopped (after shutdown() or a fatal error). */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/** Connects, builds the activities and runs a worker until shut down. */
export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: deps.address });
  const worker = await createWorker({
    connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    activities: createActivities({ db: deps.db, logger: deps.logger }),
    workflowBundlePath: deps.workflowBundlePath,
  });
  const done = worker.run().finally(() => connection.close());
  return {
    worker,
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
