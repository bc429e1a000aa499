import { AppError } from '../errors';

/** The event, compressed, is over the Cloudflare Queues message limit: only the origin can take it. */
export class QueueMessageTooLargeError extends AppError {
  constructor(readonly bytes: number, readonly limit: number) {
    super(`queued event would be ${bytes} bytes; the queue takes at most ${limit}`, 'QUEUE_MESSAGE_TOO_LARGE', { bytes, limit });
  }
}

/** A queue message this Worker cannot read (another version's format, corruption): retrying cannot help. */
export class QueuedWebhookInvalidError extends AppError {
  constructor(reason: string) {
    super(`queued webhook is unreadable: ${reason}`, 'QUEUED_WEBHOOK_INVALID', { reason });
  }
}
