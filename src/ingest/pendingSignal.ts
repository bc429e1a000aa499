import type pg from 'pg';
import { errorMessage } from '../errors';
import type { Logger } from '../logger';

/**
 * "New pending inbox rows": the API tells the relay (which runs in the worker process)
 * through PostgreSQL LISTEN/NOTIFY, so a webhook starts processing within milliseconds
 * without the relay polling hard. The signal is only a hint — the relay also polls — so a
 * lost notification delays, never loses, an event.
 */
export const PENDING_CHANNEL = 'webhook_inbox_pending';

/**
 * Throttled NOTIFY, sent after the insert committed and outside the request's critical
 * path: at most one per `minIntervalMs` whatever the request rate (a NOTIFY per insert
 * would serialise commits on PostgreSQL's notification queue lock).
 */
export function createPendingNotifier(pool: pg.Pool, logger: Logger, minIntervalMs = 20) {
  let scheduled = false;
  let lastSent = 0;
  const send = () => {
    scheduled = false;
    lastSent = Date.now();
    pool.query(`SELECT pg_notify('${PENDING_CHANNEL}', '')`).catch((err: unknown) => {
      logger.debug({ err: errorMessage(err) }, 'pending notification not sent; the relay will poll');
    });
  };
  return {
    notify(): void {
      if (scheduled) return;
      scheduled = true;
      setTimeout(send, Math.max(0, lastSent + minIntervalMs - Date.now()));
    },
  };
}

export type PendingNotifier = ReturnType<typeof createPendingNotifier>;

/** Holds one connection in LISTEN and calls `onSignal` per notification; reconnects after errors. */
export function listenForPending(pool: pg.Pool, onSignal: () => void, logger: Logger, retryMs = 1_000) {
  let stopped = false;
  let client: pg.PoolClient | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    try {
      const c = await pool.connect();
      client = c;
      c.on('notification', onSignal);
      c.on('error', (err) => {
        logger.warn({ err: errorMessage(err) }, 'pending listener connection lost; reconnecting');
        c.release(true);
        client = undefined;
        schedule();
      });
      await c.query(`LISTEN ${PENDING_CHANNEL}`);
      if (stopped) await close();
      else onSignal(); // rows may have arrived while not listening
    } catch (err) {
      logger.debug({ err: errorMessage(err) }, 'pending listener could not connect; retrying');
      client?.release(true);
      client = undefined;
      schedule();
    }
  };
  const schedule = () => {
    if (!stopped) retry = setTimeout(() => void connect(), retryMs);
  };
  const close = async () => {
    const c = client;
    client = undefined;
    if (!c) return;
    c.removeListener('notification', onSignal);
    await c.query(`UNLISTEN ${PENDING_CHANNEL}`).catch(() => undefined);
    c.release();
  };

  void connect();
  return {
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(retry);
      await close();
    },
  };
}
