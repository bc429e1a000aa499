import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { WebhookWorkflowInput } from '../workflows/webhookWorkflow';
import { B2B_SHOP, B2B_TOPIC } from '../workflows/searchAttributes';

export type StartOutcome = 'started' | 'already_started';

export interface StartOptions {
  /** A replay of a dead event may reuse the ID of its failed run; nothing else may. */
  replay?: boolean;
  /** Bound the gRPC call: with Temporal down the SDK would otherwise keep retrying. */
  deadlineMs?: number;
}

/**
 * Starts `webhook-<id>`. Both ID policies refuse a second start (FAIL while running,
 * REJECT_DUPLICATE once closed), so a start is a no-op for a known ID and the
 * "already started" answer is how callers learn about a duplicate.
 * `eagerStart` only when `client` runs on the worker's NativeConnection (the relay).
 */
export function createWebhookWorkflowStarter(client: Client, taskQueue: string, { eagerStart = false } = {}) {
  return {
    async start(workflowId: string, input: WebhookWorkflowInput, options: StartOptions = {}): Promise<StartOutcome> {
      const start = () =>
        client.workflow.start('webhookWorkflow', {
          workflowId,
          taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: options.replay ? 'ALLOW_DUPLICATE_FAILED_ONLY' : 'REJECT_DUPLICATE',
          // Eager start hands the first workflow task straight back to the worker that
          // started it, skipping a matching round trip (needs the worker's connection).
          requestEagerStart: eagerStart,
          typedSearchAttributes: [
            { key: B2B_SHOP, value: input.shop },
            { key: B2B_TOPIC, value: input.topic },
          ],
        });
      try {
        if (options.deadlineMs) await client.connection.withDeadline(Date.now() + options.deadlineMs, start);
        else await start();
        return 'started';
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return 'already_started';
        throw err;
      }
    },
  };
}

export type WebhookWorkflowStarter = ReturnType<typeof createWebhookWorkflowStarter>;
