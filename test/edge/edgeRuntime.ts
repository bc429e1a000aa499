import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { readWranglerConfig } from './wranglerConfig';
import { TEST_SECRET } from '../helpers/webhooks';

export const EDGE_INTERNAL_SECRET = 'edge-internal-auth-secret-for-tests';

let bundle: Promise<string> | undefined;

/**
 * Bundles src/edge/main.ts as wrangler would (ES module, browser-like platform, no Node
 * built-ins) into a temporary directory, once per test process.
 */
export function bundleEdgeWorker(): Promise<string> {
  bundle ??= (async () => {
    const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), 'b2b-edge-')), 'edge.mjs');
    await build({
      entryPoints: [path.resolve(__dirname, '../../src/edge/main.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['workerd', 'worker', 'browser'],
      target: 'es2022',
      outfile,
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundle;
}

export interface EdgeOptions {
  originUrl: string;
  /** Overrides of wrangler.toml [vars] and the secrets. */
  vars?: Record<string, string>;
  /** Seconds the queue waits to fill a batch (wrangler.toml's max_batch_timeout otherwise). */
  maxBatchTimeout?: number;
}

export interface RunningEdge {
  url: string;
  mf: Miniflare;
  /** Every line the Worker wrote (its logs), in order. */
  logs: string[];
  /** Parsed JSON log lines. */
  events(): Record<string, any>[];
  dispose(): Promise<void>;
}

/** The edge Worker in workerd (Miniflare), with the queues of wrangler.toml, on a loopback port. */
export async function startEdge(options: EdgeOptions): Promise<RunningEdge> {
  const scriptPath = await bundleEdgeWorker();
  const wrangler = readWranglerConfig();
  const logs: string[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      logs.push(...lines.filter((l) => l.trim().length > 0));
    });
  };
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    modules: true,
    scriptPath,
    // Module names are paths relative to this root; the bundle lives outside the repository.
    modulesRoot: path.dirname(scriptPath),
    compatibilityDate: wrangler.compatibilityDate,
    bindings: {
      ...wrangler.vars,
      SHOPIFY_API_SECRET: TEST_SECRET,
      INTERNAL_AUTH_SECRET: EDGE_INTERNAL_SECRET,
      ALLOWED_SHOPS: 'acme-wholesale.myshopify.com',
      ORIGIN_URL: options.originUrl,
      ...options.vars,
    },
    queueProducers: Object.fromEntries(wrangler.producers.map((p) => [p.binding, { queueName: p.queue }])),
    queueConsumers: Object.fromEntries(
      wrangler.consumers.map((c) => [
        c.queue,
        {
          maxBatchSize: c.max_batch_size,
          maxBatchTimeout: options.maxBatchTimeout ?? c.max_batch_timeout,
          maxRetries: c.max_retries,
          deadLetterQueue: c.dead_letter_queue,
        },
      ]),
    ),
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      collect(stdout);
      collect(stderr);
    },
  });
  let ready: URL;
  try {
    ready = await mf.ready;
  } catch (err) {
    throw new Error(`workerd did not start: ${(err as Error).message}\n${logs.join('\n')}`, { cause: err });
  }
  const url = ready.toString().replace(/\/$/, '');
  return {
    url,
    mf,
    logs,
    events: () => logs.flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    }),
    dispose: () => mf.dispose(),
  };
}
