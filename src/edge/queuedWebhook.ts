import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from './base64';
import { QueueMessageTooLargeError, QueuedWebhookInvalidError } from './edgeErrors';
import type { OutgoingWebhook } from './outgoingWebhook';

/**
 * A webhook waiting on the queue for the origin. The body is gzip-compressed because a queue
 * message holds at most 128 KB (https://developers.cloudflare.com/queues/platform/limits/) and
 * a stripped 1,000-line order is about 250 KB as JSON (about 20 KB queued). No HMAC and no internal-auth secret
 * are stored: the consumer signs with the secret current at delivery, which may have rotated.
 */
export interface QueuedWebhook {
  v: 1;
  headers: Record<string, string>;
  bodyGzipBase64: string;
}

export const MAX_QUEUE_MESSAGE_BYTES = 128_000;

const queuedWebhookSchema = z.object({
  v: z.literal(1),
  headers: z.record(z.string(), z.string()),
  bodyGzipBase64: z.string(),
});

export async function encodeQueuedWebhook(webhook: OutgoingWebhook): Promise<QueuedWebhook> {
  const message: QueuedWebhook = { v: 1, headers: webhook.headers, bodyGzipBase64: bytesToBase64(await transform(webhook.body, new CompressionStream('gzip'))) };
  const bytes = new TextEncoder().encode(JSON.stringify(message)).length;
  if (bytes > MAX_QUEUE_MESSAGE_BYTES) throw new QueueMessageTooLargeError(bytes, MAX_QUEUE_MESSAGE_BYTES);
  return message;
}

export async function decodeQueuedWebhook(message: unknown): Promise<OutgoingWebhook> {
  const parsed = queuedWebhookSchema.safeParse(message);
  if (!parsed.success) throw new QueuedWebhookInvalidError(parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', '));
  const compressed = base64ToBytes(parsed.data.bodyGzipBase64);
  if (!compressed) throw new QueuedWebhookInvalidError('body is not base64');
  try {
    return { headers: parsed.data.headers, body: await transform(compressed, new DecompressionStream('gzip')) };
  } catch {
    throw new QueuedWebhookInvalidError('body is not gzip');
  }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Written and closed without awaiting: the readable side must drain concurrently or a large body deadlocks.
  const written = writer.write(bytes).then(() => writer.close());
  const output = new Uint8Array(await new Response(stream.readable as ReadableStream<Uint8Array>).arrayBuffer());
  await written;
  return output;
}
