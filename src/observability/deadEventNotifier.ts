import { errorMessage } from '../errors';
import type { Logger } from '../logger';

/** What an operator needs at 2 a.m.: which event, why, and how to run it again. */
export interface DeadEventNotice {
  type: 'webhook.dead';
  /** `<webhookId>:<replayCount>`: the same for every resend of one dead marking, new after a replay dies again. */
  notificationId: string;
  webhookId: string;
  shop: string;
  topic: string;
  workflowId: string;
  error: string;
  replayCount: number;
  deadAt: string;
  replay: { request: string; cli: string };
}

export interface DeadEventSettings {
  /** Where notices are POSTed; unset: the log line is the only notice. */
  webhookUrl: string | undefined;
  /** Per attempt. */
  timeoutMs: number;
  attempts: number;
  retryDelayMs: number;
}

/*
 * The notice is sent from the markInboxDead local activity, whose start-to-close timeout is
 * 30 s: attempts × timeout plus delays stays well inside it, so a slow receiver never
 * times the activity out (which would mark and notify again).
 */
export const DEFAULT_DEAD_EVENT_SETTINGS: DeadEventSettings = { webhookUrl: undefined, timeoutMs: 5_000, attempts: 3, retryDelayMs: 1_000 };

export function deadEventNotice(event: { webhookId: string; shop: string; topic: string; workflowId: string; error: string; replayCount: number }, now = new Date()): DeadEventNotice {
  return {
    type: 'webhook.dead',
    notificationId: `${event.webhookId}:${event.replayCount}`,
    ...event,
    deadAt: now.toISOString(),
    replay: {
      request: `POST /webhooks/${encodeURIComponent(event.webhookId)}/replay (Authorization: Bearer <ADMIN_API_TOKEN>)`,
      cli: `npm run cli -- replay-webhooks ${event.webhookId}`,
    },
  };
}

export type NotifyOutcome = 'sent' | 'failed' | 'not_configured';

/**
 * Logs the notice (always, at error level: the log is a notification channel too) and POSTs
 * it as JSON to the configured URL, a few times on failure. Never throws: a receiver that is
 * down must not undo or delay the dead marking, which is already committed.
 */
export function createDeadEventNotifier(settings: DeadEventSettings, logger: Logger) {
  return async function notify(notice: DeadEventNotice): Promise<NotifyOutcome> {
    logger.error(
      { webhookId: notice.webhookId, shop: notice.shop, topic: notice.topic, workflowId: notice.workflowId, replayCount: notice.replayCount, err: notice.error, replay: notice.replay.cli },
      'webhook is dead: retries exhausted',
    );
    if (!settings.webhookUrl) return 'not_configured';
    let lastError = '';
    for (let attempt = 1; attempt <= settings.attempts; attempt++) {
      try {
        const res = await fetch(settings.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': notice.notificationId },
          body: JSON.stringify(notice),
          signal: AbortSignal.timeout(settings.timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return 'sent';
        lastError = `HTTP ${res.status}`;
        // A 4xx other than 408/429 will not change on a retry.
        if (res.status < 500 && res.status !== 408 && res.status !== 429) break;
      } catch (err) {
        lastError = errorMessage(err);
      }
      if (attempt < settings.attempts) await new Promise((r) => setTimeout(r, settings.retryDelayMs * attempt));
    }
    // The URL is not logged: it may carry a token in its query string.
    logger.error({ webhookId: notice.webhookId, workflowId: notice.workflowId, err: lastError, attempts: settings.attempts }, 'dead-event notification not delivered');
    return 'failed';
  };
}

export type DeadEventNotifier = ReturnType<typeof createDeadEventNotifier>;
