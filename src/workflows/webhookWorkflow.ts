import { ApplicationFailure, getExternalWorkflowHandle, log, patched, proxyLocalActivities, type LocalActivityOptions } from '@temporalio/workflow';
import type { InboxActivities, InlineWebhookRecord, SignalRequest, WebhookHandlerActivities, WebhookRef } from '../activities/types';
import { routeTopic } from '../domain/webhooks/topicRoutes';
import { startOrSignalConstraintSync } from './constraintSyncAllShopsWorkflow';

/*
 * Local activities: each step is one short, idempotent PostgreSQL transaction, so it runs
 * inside the workflow task instead of making a round trip through the server as an
 * activity task. That removes the activity's task dispatch and its history events, which
 * is what bounds how fast a burst of webhooks drains through one Temporal cluster.
 * Retries longer than the local retry threshold back off on durable timers.
 */

/**
 * Handlers retry without an attempt cap while PostgreSQL is unreachable; the activity
 * itself turns persistent data errors into non-retryable failures (see webhookHandlers.ts).
 */
const HANDLER_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * Recording the inline payload must never give up: until PostgreSQL has it, this
 * workflow's history is the only copy of an event Shopify was told we accepted.
 */
const INBOX_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};

const inbox = proxyLocalActivities<InboxActivities>(INBOX_OPTIONS);
const handlers = proxyLocalActivities<WebhookHandlerActivities>(HANDLER_OPTIONS);

export interface WebhookWorkflowInput extends WebhookRef {
  /** Present only when PostgreSQL was down at ingestion and the API came straight to Temporal. */
  inline?: InlineWebhookRecord;
}

export type WebhookWorkflowResult =
  | { outcome: 'applied' | 'stale' | 'already_processed'; handler: string; rows: number; signalled?: string }
  | { outcome: 'ignored' }
  | { outcome: 'duplicate'; status: string };

/** One Shopify webhook delivery: record it if needed, then apply it with its topic's handler. */
export async function webhookWorkflow(input: WebhookWorkflowInput): Promise<WebhookWorkflowResult> {
  const ref: WebhookRef = { webhookId: input.webhookId, shop: input.shop, topic: input.topic };
  if (input.inline) {
    const recorded = await inbox.recordInboxEvent(input.inline);
    if (!recorded.proceed) {
      log.info('webhook already handled by an earlier delivery', { webhookId: ref.webhookId, status: recorded.status });
      return { outcome: 'duplicate', status: recorded.status };
    }
  }

  const route = routeTopic(input.topic);
  switch (route.kind) {
    case 'ignore':
      return { outcome: 'ignored' };
    case 'handle': {
      let result;
      try {
        result = await handlers[route.handler](ref);
      } catch (err) {
        // Compensation: the event is parked as dead (replayable) and the run fails, so it
        // shows as Failed in the Web UI and a replay may reuse this workflow ID.
        const reason = failureReason(err);
        await inbox.markInboxDead({ ...ref, error: reason });
        throw ApplicationFailure.nonRetryable(`webhook ${ref.webhookId} (${ref.topic}) is dead: ${reason}`, 'WEBHOOK_DEAD');
      }
      const signalled = result.signal ? await signalWorkflow(result.signal) : undefined;
      // Patched: runs recorded before the constraint sync existed replay without this step.
      if (result.constraintsChanged && patched('constraint-sync-on-order')) await startOrSignalConstraintSync(ref.shop, 'dirty');
      return { outcome: result.outcome, handler: route.handler, rows: result.rows, ...(signalled ? { signalled } : {}) };
    }
    default:
      return assertNever(route);
  }
}

/**
 * Wakes the workflow the event concerns (an import waiting for its export). It may have
 * ended meanwhile (it polls as well): then there is nobody to tell, which is fine.
 */
async function signalWorkflow(request: SignalRequest): Promise<string | undefined> {
  try {
    await getExternalWorkflowHandle(request.workflowId).signal(request.signal, ...request.args);
    return request.workflowId;
  } catch (err) {
    log.info('signal target is gone', { workflowId: request.workflowId, error: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}

/** An ActivityFailure only says "Activity task failed"; what failed is in its cause. */
function failureReason(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : err.message;
  }
  return String(err);
}

function assertNever(value: never): never {
  throw ApplicationFailure.nonRetryable(`unhandled route ${JSON.stringify(value)}`);
}
