import { once } from 'node:events';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParserIn, ParserOut } from './parserWorker';

/** One batch's typed CSV rows, as the worker answered it. */
export interface ParsedRows {
  rows: Buffer;
  /** Bytes of the file the batch held. */
  inputBytes: number;
  lines: number;
  rejected: number;
}

/** Batches sent and not yet taken back with next(): bounds the memory the pipeline holds. */
const MAX_IN_FLIGHT = 4;
/**
 * JSON.parse's garbage dies within a line: a 4 MB young generation costs no more CPU per
 * line than V8's default (bench:catalog) and keeps the peak RSS ~10 MB lower. The old
 * generation keeps V8's default, so a huge line still fits.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

/**
 * The worker from its compiled .js next to this file; under tsx or jest (this file is
 * .ts) a Worker does not get the TypeScript loader, so a one-line CommonJS bootstrap
 * registers tsx's require hook in the worker first.
 */
function newWorker(): Worker {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, `parserWorker${ext}`);
  if (ext === '.js') return new Worker(entry, { resourceLimits: WORKER_LIMITS });
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true, resourceLimits: WORKER_LIMITS });
}

/**
 * The main thread's side of the parser worker: send() batches in file order (waiting while
 * MAX_IN_FLIGHT are out), take their rows back in the same order with next(). A failure on
 * either side (fail(), a worker error or exit) rejects whoever waits, and every later call.
 */
export class ParserThread {
  private readonly answers: ParserOut[] = [];
  private waiting: { resolve: (m: ParsedRows | undefined) => void; reject: (e: Error) => void } | undefined;
  private slotFreed: (() => void) | undefined;
  private inFlight = 0;
  private ended = false;
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: ParserOut) => this.push(m));
    worker.on('error', (err: Error) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`catalog parser worker exited with code ${code}`)));
  }

  /** Resolves once the worker has loaded. */
  static async start(): Promise<ParserThread> {
    const worker = newWorker();
    try {
      const [ready] = (await Promise.race([
        once(worker, 'message'),
        once(worker, 'error').then(([err]) => Promise.reject(err as Error)),
        once(worker, 'exit').then(([code]) => Promise.reject(new Error(`catalog parser worker exited with code ${String(code)}`))),
      ])) as [ParserOut];
      if (!('ready' in ready)) throw new Error('catalog parser worker did not start');
    } catch (err) {
      await worker.terminate();
      throw err;
    }
    return new ParserThread(worker);
  }

  /** Line number of the first line of the first batch. */
  begin(firstLine: number): void {
    this.worker.postMessage({ firstLine } satisfies ParserIn);
  }

  /** Sends `length` bytes of `batch` (whole lines); the buffer is transferred, not copied, so the caller must not touch it again. */
  async send(batch: Buffer, length: number): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT && !this.failure) await new Promise<void>((resolve) => (this.slotFreed = resolve));
    if (this.failure) throw this.failure;
    if (batch.byteOffset !== 0) throw new TypeError('a batch must own its ArrayBuffer');
    this.inFlight++;
    const message = { buffer: batch.buffer as ArrayBuffer, length } satisfies ParserIn;
    this.worker.postMessage(message, [message.buffer]);
  }

  /** After the last send(): next() answers undefined once every batch is taken back. */
  end(): void {
    this.ended = true;
    this.settle();
  }

  /** The next batch's rows in file order; undefined after end() and the last batch. */
  next(): Promise<ParsedRows | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    const answer = this.take();
    if (answer !== null) return Promise.resolve(answer);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  fail(err: Error): void {
    this.failure ??= err;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
    this.releaseSlot();
  }

  async terminate(): Promise<void> {
    this.fail(new Error('catalog parser worker stopped'));
    await this.worker.terminate();
  }

  private push(message: ParserOut): void {
    if ('ready' in message) return;
    this.answers.push(message);
    this.settle();
  }

  private settle(): void {
    if (!this.waiting) return;
    const answer = this.take();
    if (answer === null) return;
    const { resolve } = this.waiting;
    this.waiting = undefined;
    resolve(answer);
  }

  /** The next answer, undefined at the end, null when it has yet to come. */
  private take(): ParsedRows | undefined | null {
    const message = this.answers.shift();
    if (message && !('ready' in message)) {
      this.inFlight--;
      this.releaseSlot();
      return { rows: Buffer.from(message.buffer, 0, message.length), inputBytes: message.inputBytes, lines: message.lines, rejected: message.rejected };
    }
    return this.ended && this.inFlight === 0 ? undefined : null;
  }

  private releaseSlot(): void {
    const freed = this.slotFreed;
    this.slotFreed = undefined;
    freed?.();
  }
}
