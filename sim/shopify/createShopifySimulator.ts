import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import pino from 'pino';
import { loadAdminSchema } from '../../src/shopify/schema/loadSchema';
import { createGraphqlExecutor } from './graphql/executeGraphql';
import { adminRoutes } from './http/adminRoutes';
import { bulkFileRoutes } from './http/bulkFileRoute';
import { graphqlRoutes } from './http/graphqlRoute';
import { parseSimulatorOptions, type ShopifySimulatorOptions } from './options';
import { createSimulatorCore, type SimulatorCore } from './simulatorCore';
import { systemClock } from './support/clock';

/**
 * A Shopify Admin GraphQL API (2026-07) that runs here: every request is validated and
 * executed against the real schema, with Shopify's costs, throttling, limits, bulk exports
 * and webhooks. See sim/shopify/README.md.
 */
export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ShopifySimulator {
  app: Express;
  state: SimulatorCore;
  listen(port?: number, host?: string): Promise<RunningSimulator>;
  /** Stops background work (webhook retries, bulk operations) without a server. */
  stop(): void;
}

export function createShopifySimulator(options: ShopifySimulatorOptions = {}): ShopifySimulator {
  const settings = parseSimulatorOptions(options);
  const logger = options.logger ?? pino({ level: 'silent' });
  const core = createSimulatorCore(loadAdminSchema(), settings, options.clock ?? systemClock, logger);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(adminRoutes(core));
  app.use(bulkFileRoutes(core));
  app.use(graphqlRoutes(core, createGraphqlExecutor(core)));
  app.use((_req, res) => {
    res.status(404).json({ errors: 'Not Found' });
  });
  app.use(((err, _req, res, _next) => {
    const status = (err as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      // Body-parser refusals (bad JSON, too large): Shopify answers 400 for unreadable bodies.
      res.status(status).json({ errors: (err as Error).message });
      return;
    }
    logger.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, 'simulator bug');
    res.status(500).json({ errors: 'Internal Server Error' });
  }) as express.ErrorRequestHandler);

  return {
    app,
    state: core,
    stop: () => core.close(),
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const server = app.listen(port, host, (err?: Error) => {
          if (err) return reject(err);
          // Outlive the clients' idle keep-alive (undici's is 4 s), so a client never sends on
          // a socket this server is closing (ECONNRESET); Shopify's edge keeps sockets longer too.
          server.keepAliveTimeout = 65_000;
          server.headersTimeout = 66_000;
          const actual = (server.address() as AddressInfo).port;
          resolve({
            url: `http://${host}:${actual}`,
            port: actual,
            close: () =>
              new Promise<void>((done) => {
                core.close();
                server.closeAllConnections();
                server.close(() => done());
              }),
          });
        });
      });
    },
  };
}
