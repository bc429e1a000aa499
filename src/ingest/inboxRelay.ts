import { errorMessage } from '../errors';
import type { Logger } from '../logger';
import type { InboxRepository } from '../repositories/inboxRepository';
import type { WebhookWorkflowStarter } from './webhookWorkflowStarter';

export interface RelayOptions {
  batchSize: number;
  /** Concurrent start calls; the server, not the relay, is the limit beyond a few dozen. */
  concurrency: number;
  /** A claimed row is invisible to other relays this long; a crash mid-batch frees it after. */
  leaseMs: number;
  /** Fallback poll for rows committed by other processes or left over from a crash. */
  pollIntervalMs: number;
  /** Back-off when Temporal or PostgreSQL is down: doubled per failed round, capped. */
  minBackoffMs: number;
  maxBackoffMs: number;
  startDeadlineMs: number;
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  batchSize: 200,
  concurrency: 32,
  leaseMs: 30_000,
  pollIntervalMs: 1_000,
  minBackoffMs: 500,
  maxBackoffMs: 15_000,
  startDeadlineMs: 5_000,
};

export interface RelayDeps {
  inbox: InboxRepository;
  starter: WebhookWorkflowStarter;
  logger: Logger;
  options?: Partial<RelayOptions>;
}

/**
 * Moves inbox rows from `pending` to a started workflow. The inbox row is the durable
 * promise; this loop keeps it. Exactly-once comes from the workflow ID, so a row started
 * twice (a lease expiring mid-start, two relays) costs one rejected start call, nothing more.
 */
export class InboxRelay {
  private readonly options: RelayOptions;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private kicked = false;
  private backoffMs = 0;

  constructor(private readonly deps: RelayDeps) {
    this.options = { ...DEFAULT_RELAY_OPTIONS, ...deps.options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** New pending rows exist: skip the rest of the poll wait. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** One pass over what is due; returns how many rows were claimed. Exposed for tests and tools. */
  async relayOnce(): Promise<number> {
    const batch = await this.deps.inbox.claimPending(this.options.batchSize, this.options.leaseMs);
    if (batch.length === 0) return 0;
    const started: string[] = [];
    const failed: { id: string; error: string }[] = [];
    await forEachConcurrently(batch, this.options.concurrency, async (row) => {
      try {
        await this.deps.starter.start(
          row.workflowId,
          { webhookId: row.webhookId, shop: row.shop, topic: row.topic },
          { replay: row.replayCount > 0, deadlineMs: this.options.startDeadlineMs },
        );
        started.push(row.webhookId);
      } catch (err) {
        failed.push({ id: row.webhookId, error: errorMessage(err) });
      }
    });
    await this.deps.inbox.markStarted(started);
    if (failed.length > 0) {
      this.backoffMs = Math.min(Math.max(this.backoffMs * 2, this.options.minBackoffMs), this.options.maxBackoffMs);
      await this.deps.inbox.deferRelay(failed.map((f) => f.id), failed[0]!.error, this.backoffMs);
      this.deps.logger.warn({ failed: failed.length, started: started.length, err: failed[0]!.error, retryInMs: this.backoffMs }, 'relay could not start workflows');
    } else {
      this.backoffMs = 0;
    }
    return batch.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.relayOnce();
      } catch (err) {
        this.backoffMs = Math.min(Math.max(this.backoffMs * 2, this.options.minBackoffMs), this.options.maxBackoffMs);
        this.deps.logger.warn({ err: errorMessage(err), retryInMs: this.backoffMs }, 'relay pass failed');
      }
      if (!this.running) break;
      if (this.backoffMs > 0) await this.pause(this.backoffMs, false);
      // A full batch means more is probably waiting: go again at once.
      else if (claimed < this.options.batchSize) await this.pause(this.options.pollIntervalMs, true);
    }
  }

  private async pause(ms: number, wakeOnKick: boolean): Promise<void> {
    if (wakeOnKick && this.kicked) {
      this.kicked = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        if (!this.running || wakeOnKick) done();
      };
    });
    this.kicked = false;
  }
}

async function forEachConcurrently<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

