/**
 * The few Cloudflare Workers runtime types the edge uses, declared here rather than pulling
 * @cloudflare/workers-types into a project whose other code runs on Node. Web-standard
 * globals (fetch, Request, Response, crypto.subtle, CompressionStream) come from the DOM-like
 * declarations @types/node already provides, which match the Workers runtime for what we use.
 * https://developers.cloudflare.com/queues/configuration/javascript-apis/
 */
export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

export interface QueueSendOptions {
  contentType?: 'json' | 'text' | 'bytes' | 'v8';
  delaySeconds?: number;
}

export interface Queue<Body> {
  send(body: Body, options?: QueueSendOptions): Promise<void>;
}

export interface QueueRetryOptions {
  delaySeconds?: number;
}

export interface Message<Body> {
  readonly id: string;
  readonly timestamp: Date;
  readonly body: Body;
  /** 1 on the first delivery. */
  readonly attempts: number;
  ack(): void;
  retry(options?: QueueRetryOptions): void;
}

export interface MessageBatch<Body> {
  readonly queue: string;
  readonly messages: readonly Message<Body>[];
  ackAll(): void;
  retryAll(options?: QueueRetryOptions): void;
}
