#!/usr/bin/env node
/**
 * `b2b` — the operator's command line (npm run cli -- <command>, or the `b2b` bin).
 *
 *   b2b import-catalog --shop <shop>.myshopify.com [--no-wait] [--json]
 *
 * Talks to the service's HTTP API (`--api-url`, default $B2B_API_URL or
 * http://localhost:3000) with the admin token (`--token`, default $ADMIN_API_TOKEN).
 * Exit codes: 0 done, 1 the import failed, 2 bad usage, 3 refused (already running,
 * shop not installed), 4 the API could not be reached.
 */
import { parseArgs } from 'node:util';
import { formatBytes, renderProgress } from './progressBar';

const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3, unreachable: 4 } as const;

const USAGE = `usage: b2b import-catalog --shop <shop>.myshopify.com [--no-wait] [--json] [--api-url URL] [--token TOKEN]

Starts a full catalog import (Shopify bulk export → PostgreSQL) and shows its progress
until it ends. --no-wait prints the import ID and returns at once.`;

/** The API's answers, read loosely: only the fields named here are used. */
interface ApiBody {
  importId?: string;
  statusUrl?: string;
  error?: { message?: string };
  [key: string]: unknown;
}

interface ImportStatus {
  id: string;
  status: string;
  progress: number;
  bytes: { loaded: number; total: number | null };
  lines: number;
  rejectedLines: number;
  error: string | null;
  stats: unknown;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command !== 'import-catalog') {
    console.error(`unknown command: ${command}\n\n${USAGE}`);
    return EXIT.usage;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        shop: { type: 'string' },
        wait: { type: 'boolean', default: true },
        'no-wait': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'api-url': { type: 'string', default: process.env.B2B_API_URL ?? 'http://localhost:3000' },
        token: { type: 'string', default: process.env.ADMIN_API_TOKEN },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  if (!values.shop) {
    console.error(`--shop is required\n\n${USAGE}`);
    return EXIT.usage;
  }
  const api = values['api-url']!.replace(/\/$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(values.token ? { authorization: `Bearer ${values.token}` } : {}) };
  const call = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${api}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as ApiBody };
  };

  let started;
  try {
    started = await call('POST', '/imports/catalog', { shop: values.shop, trigger: 'cli' });
  } catch (err) {
    console.error(`cannot reach the API at ${api}: ${(err as Error).message}`);
    return EXIT.unreachable;
  }
  if (started.status !== 202) {
    const output = values.json ? JSON.stringify(started.body) : `refused (HTTP ${started.status}): ${started.body.error?.message ?? 'unknown error'}${started.body.importId ? ` — running import ${started.body.importId}` : ''}`;
    console.error(output);
    return started.status === 400 ? EXIT.usage : started.status >= 500 ? EXIT.unreachable : EXIT.refused;
  }
  const importId = started.body.importId as string;
  if (values['no-wait'] || !values.wait) {
    console.log(values.json ? JSON.stringify(started.body) : `import ${importId} started (${started.body.statusUrl})`);
    return EXIT.ok;
  }

  const tty = process.stderr.isTTY && !values.json;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const { status, body } = await call('GET', `/imports/${importId}`);
    if (status !== 200) {
      console.error(`cannot read import ${importId}: HTTP ${status}`);
      return EXIT.unreachable;
    }
    const s = body as unknown as ImportStatus;
    const line = renderProgress(s.progress, `${formatBytes(s.bytes.loaded)} / ${formatBytes(s.bytes.total)}  ${s.lines.toLocaleString('en-US')} lines  ${s.status}`);
    if (tty) process.stderr.write(`\r${line}`);
    if (s.status === 'completed' || s.status === 'failed') {
      if (tty) process.stderr.write('\n');
      if (values.json) console.log(JSON.stringify(s));
      else if (s.status === 'completed') console.log(`import ${importId} completed: ${s.lines.toLocaleString('en-US')} lines, ${s.rejectedLines} rejected\n${JSON.stringify(s.stats, null, 2)}`);
      else console.error(`import ${importId} failed: ${s.error}`);
      return s.status === 'completed' ? EXIT.ok : EXIT.failed;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(EXIT.failed);
  },
);
