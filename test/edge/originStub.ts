import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type OriginBehaviour =
  | { kind: 'ok' }
  | { kind: 'status'; status: number }
  | { kind: 'slow'; delayMs: number };

/**
 * A stand-in origin on loopback that records what the edge sends. `stop()` closes the port
 * (connection refused, as a crashed origin); `start()` reopens the same port.
 */
export class OriginStub {
  readonly received: ReceivedRequest[] = [];
  /** For every request, or per webhook ID (unlisted IDs: `ok`). */
  behaviour: OriginBehaviour | Map<string, OriginBehaviour> = { kind: 'ok' };
  private server: http.Server | undefined;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/webhooks/shopify`;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => void this.answer(req, Buffer.concat(chunks), res));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Requests for one webhook ID. */
  deliveriesOf(webhookId: string): ReceivedRequest[] {
    return this.received.filter((r) => r.headers['x-shopify-webhook-id'] === webhookId);
  }

  private async answer(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    const webhookId = String(req.headers['x-shopify-webhook-id']);
    const behaviour = this.behaviour instanceof Map ? (this.behaviour.get(webhookId) ?? { kind: 'ok' }) : this.behaviour;
    if (behaviour.kind === 'slow') await new Promise((r) => setTimeout(r, behaviour.delayMs));
    const status = behaviour.kind === 'status' ? behaviour.status : 200;
    // Recorded only when the origin would have recorded it (a 2xx), like the real inbox.
    if (status < 300) this.received.push({ headers: req.headers, body });
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(status < 300 ? { status: 'accepted' } : { error: { code: 'STUB', message: `stub answers ${status}` } }));
  }
}
