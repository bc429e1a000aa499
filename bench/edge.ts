/**
 * npm run bench:edge [-- --requests 1000 --concurrency 16]
 *
 * The edge Worker in workerd (Miniflare, with the queues of src/edge/wrangler.toml) in front
 * of a loopback origin that answers at once, so the figures are the edge's own cost:
 *
 * 1. Acknowledgement latency, p50/p99, of a signed orders/create (the documented fixture,
 *    ~9.6 KB), one at a time and `concurrency` at a time, with the origin up (forwarded) and
 *    with its port closed (queued; the consumer keeps retrying in the background), and with
 *    an origin that never answers (queued when the 2.5 s deadline passes).
 * 2. The same for a 1,000-line orders/create.
 * 3. Bytes received vs forwarded for every fixture topic and the 1,000-line order, as the
 *    origin received them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { routeTopic } from '../src/domain/webhooks/topicRoutes';
import { fixture, postWebhook, signedWebhook, type WebhookRequest } from '../test/helpers/webhooks';
import { startEdge } from '../test/edge/edgeRuntime';
import { largeOrder } from '../test/helpers/largeOrder';
import { OriginStub } from '../test/edge/originStub';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const REQUESTS = Number(args.get('requests') ?? 1_000);
const CONCURRENCY = Number(args.get('concurrency') ?? 16);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Run {
  p50: number;
  p99: number;
  perSecond: number;
  statuses: Record<string, number>;
}

async function measure(url: string, make: (i: number) => WebhookRequest, count: number, concurrency: number): Promise<Run> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const request = make(next++);
        const t = performance.now();
        const res = await postWebhook(url, request);
        latencies.push(performance.now() - t);
        const key = `${res.status} ${res.body?.status ?? res.body?.error?.code ?? ''}`.trim();
        statuses[key] = (statuses[key] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: count / seconds, statuses };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const origin = new OriginStub();
  await origin.start();
  const edge = await startEdge({ originUrl: origin.url });
  const order = fixture('orders/create');
  const bigOrder = largeOrder(6_500_000_001, 1_000);
  const small = () => signedWebhook({ topic: 'orders/create', payload: order });
  const big = () => signedWebhook({ topic: 'orders/create', payload: bigOrder });
  console.log(`edge Worker in workerd (miniflare), node ${process.version}; origin on loopback answers at once`);
  console.log(`orders/create fixture ${kb(small().body.length)}, 1,000-line orders/create ${kb(big().body.length)}\n`);

  await measure(edge.url, small, 200, 8); // warm-up: isolate, HMAC keys, connections

  const rows: [string, Run][] = [];
  for (const state of ['up', 'down'] as const) {
    if (state === 'down') await origin.stop();
    rows.push([`origin ${state}, fixture, 1 at a time`, await measure(edge.url, small, REQUESTS, 1)]);
    rows.push([`origin ${state}, fixture, ${CONCURRENCY} at a time`, await measure(edge.url, small, REQUESTS, CONCURRENCY)]);
    rows.push([`origin ${state}, 1,000 lines, 1 at a time`, await measure(edge.url, big, 50, 1)]);
  }
  await origin.start();
  // An origin that accepts the connection and never answers: the edge waits out its deadline.
  origin.behaviour = { kind: 'slow', delayMs: 10_000 };
  rows.push(['origin hanging, fixture, 20 at a time', await measure(edge.url, small, 20, 20)]);
  origin.behaviour = { kind: 'ok' };

  console.log('Acknowledgement latency (client → edge → origin or queue → client)');
  console.log(`${'case'.padEnd(40)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'req/s'.padStart(7)}  answers`);
  for (const [name, run] of rows) {
    const answers = Object.entries(run.statuses).map(([k, v]) => `${v}× ${k}`).join(', ');
    console.log(`${name.padEnd(40)} ${ms(run.p50).padStart(9)} ${ms(run.p99).padStart(9)} ${run.perSecond.toFixed(0).padStart(7)}  ${answers}`);
  }

  // Let the consumer drain what was queued while the origin was down.
  const queued = rows.reduce((n, [, run]) => n + (run.statuses['200 queued'] ?? 0), 0);
  const drainStarted = Date.now();
  const deliveredEvents = () => edge.events().filter((e) => e.event === 'queued_webhook_delivered').length;
  while (deliveredEvents() < queued && Date.now() - drainStarted < 120_000) await new Promise((r) => setTimeout(r, 250));
  console.log(`\nQueued while down or hanging: ${queued}; delivered by the consumer after the origin returned: ${deliveredEvents()} (in ${((Date.now() - drainStarted) / 1_000).toFixed(1)} s)\n`);

  console.log('Bytes received from Shopify vs forwarded to the origin');
  console.log(`${'payload'.padEnd(34)} ${'received'.padStart(10)} ${'forwarded'.padStart(10)} ${'kept'.padStart(6)}`);
  const topics = readdirSync(path.resolve(__dirname, '../test/fixtures/webhooks'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, '').replace('__', '/'))
    .filter((topic) => routeTopic(topic).kind === 'handle');
  const samples: [string, WebhookRequest][] = [
    ...topics.map((topic): [string, WebhookRequest] => [topic, signedWebhook({ topic, payload: fixture(topic) })]),
    ['orders/create, 1,000 lines', big()],
  ];
  let totalIn = 0;
  let totalOut = 0;
  for (const [name, request] of samples) {
    const res = await postWebhook(edge.url, request);
    if (res.body?.status !== 'forwarded') throw new Error(`${name}: ${JSON.stringify(res.body)}`);
    const forwarded = origin.deliveriesOf(request.webhookId)[0]!.body.length;
    totalIn += request.body.length;
    totalOut += forwarded;
    console.log(`${name.padEnd(34)} ${String(request.body.length).padStart(10)} ${String(forwarded).padStart(10)} ${`${((100 * forwarded) / request.body.length).toFixed(0)}%`.padStart(6)}`);
  }
  console.log(`${'all of the above'.padEnd(34)} ${String(totalIn).padStart(10)} ${String(totalOut).padStart(10)} ${`${((100 * totalOut) / totalIn).toFixed(0)}%`.padStart(6)}`);

  await edge.dispose();
  await origin.stop();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
