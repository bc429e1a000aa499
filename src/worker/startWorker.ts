import { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Db } from '../db/client';
import { InboxRelay, type RelayOptions } from '../ingest/inboxRelay';
import { listenForPending } from '../ingest/pendingSignal';
import { createWebhookWorkflowStarter } from '../ingest/webhookWorkflowStarter';
import type { Logger } from '../logger';
import { createInboxRepository } from '../repositories/inboxRepository';
import { createWorker } from './createWorker';

export interface WorkerDeps {
  address: string;
  namespace: string;
  taskQueue: string;
  db: Db;
  logger: Logger;
  workflowBundlePath?: string;
  /** The inbox relay runs beside the worker unless disabled (false). */
  relay?: Partial<RelayOptions> | false;
}

export interface RunningWorker {
  worker: Worker;
  relay: InboxRelay | undefined;
  /** Resolves when the worker has stopped (after shutdown() or a fatal error). */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Connects, builds the activities and runs a worker until shut down, with the inbox relay
 * beside it. The relay shares the worker's connection so it can start workflows eagerly:
 * the first workflow task comes back in the start response instead of through matching.
 */
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
  let relay: InboxRelay | undefined;
  let listener: { stop(): Promise<void> } | undefined;
  if (deps.relay !== false) {
    const client = new Client({ connection, namespace: deps.namespace });
    relay = new InboxRelay({
      inbox: createInboxRepository(deps.db),
      starter: createWebhookWorkflowStarter(client, deps.taskQueue, { eagerStart: true }),
      logger: deps.logger.child({ component: 'relay' }),
      options: deps.relay,
    });
    relay.start();
    const r = relay;
    listener = listenForPending(deps.db.$client, () => r.kick(), deps.logger);
  }
  return {
    worker,
    relay,
    done,
    async shutdown() {
      await listener?.stop();
      await relay?.stop();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
