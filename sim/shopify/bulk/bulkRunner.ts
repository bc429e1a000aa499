import type { Clock } from '../support/clock';
import { FileIndexBuilder } from './fileIndex';
import type { BulkOperationRecord } from './bulkOperationModel';

/**
 * Moves bulk operations through CREATED → RUNNING → COMPLETED (or CANCELED / FAILED) in
 * the background: the counting pass runs in short slices between other requests, so a
 * large export never blocks the event loop and `objectCount` grows as Shopify's does.
 */
export interface BulkRunnerOptions {
  clock: Clock;
  /** Chunks counted per slice before yielding to other work. */
  chunksPerSlice: number;
  onFinish: (op: BulkOperationRecord) => void;
}

export class BulkRunner {
  private readonly pending = new Set<NodeJS.Immediate | NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: BulkRunnerOptions) {}

  start(op: BulkOperationRecord): void {
    const builder = new FileIndexBuilder(op.file, op.fault?.fail?.afterRootObjects ?? null);
    const startedAt = Date.now();
    const minRunMs = op.fault?.minRunMs ?? 0;
    const slice = (): void => {
      if (this.closed) return;
      if (op.status === 'CANCELING') return this.finish(op, 'CANCELED');
      if (op.status === 'CREATED') op.status = 'RUNNING';
      const counts = builder.step(this.options.chunksPerSlice);
      op.objectCount = counts.objectCount;
      op.rootObjectCount = counts.rootObjectCount;
      if (!builder.done) return this.later(slice, 0);
      const wait = minRunMs - (Date.now() - startedAt);
      if (wait > 0) return this.later(slice, wait);
      op.index = builder.result();
      if (builder.failed) {
        op.errorCode = op.fault?.fail?.errorCode ?? 'INTERNAL_SERVER_ERROR';
        return this.finish(op, 'FAILED');
      }
      this.finish(op, 'COMPLETED');
    };
    this.later(slice, 0);
  }

  /** Cancelation is asynchronous, as on Shopify: CANCELING now, CANCELED at the next slice. */
  cancel(op: BulkOperationRecord): void {
    op.status = 'CANCELING';
  }

  close(): void {
    this.closed = true;
    for (const handle of this.pending) {
      clearImmediate(handle as NodeJS.Immediate);
      clearTimeout(handle as NodeJS.Timeout);
    }
    this.pending.clear();
  }

  private later(fn: () => void, ms: number): void {
    const run = (): void => {
      this.pending.delete(handle);
      fn();
    };
    const handle = ms > 0 ? setTimeout(run, Math.min(ms, 50)) : setImmediate(run);
    this.pending.add(handle);
  }

  private finish(op: BulkOperationRecord, status: 'COMPLETED' | 'CANCELED' | 'FAILED'): void {
    op.status = status;
    op.completedAt = this.options.clock.now();
    this.options.onFinish(op);
  }
}
