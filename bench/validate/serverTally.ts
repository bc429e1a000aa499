import type { Server, ServerResponse } from 'node:http';

export interface ServerTally {
  /** Responses finished since the last reset, by status class, counted by the server. */
  finished(): { ok: number; failed: number };
  reset(): void;
  /** Resolves once no request is in flight: autocannon stops at its deadline without waiting for answers. */
  idle(): Promise<void>;
}

/**
 * Counts requests on the server side. A load phase ends with up to `connections` requests
 * still running (for ours, seconds of Node and PostgreSQL work); without waiting for them
 * they would land in the next phase's latency and CPU, and their CPU would be divided by
 * only the requests autocannon saw answered.
 */
export function tallyServer(server: Server): ServerTally {
  let inFlight = 0;
  let ok = 0;
  let failed = 0;
  // Counted when the handler calls end(), not on 'close': a socket autocannon destroys at
  // its deadline closes at once, while the handler is still loading rules for it.
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight++;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    let ended = false;
    res.end = ((...args: unknown[]) => {
      if (!ended) {
        ended = true;
        inFlight--;
        if (res.statusCode < 400) ok++;
        else failed++;
      }
      return end(...args);
    }) as ServerResponse['end'];
  });
  return {
    finished: () => ({ ok, failed }),
    reset: () => {
      ok = 0;
      failed = 0;
    },
    idle: async () => {
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
