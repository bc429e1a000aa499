/**
 * Load generator, run as its own process so it does not share an event loop with the
 * server it measures. Reads a JSON job on argv, prints autocannon's result as JSON.
 *
 *   mode "throughput": the same signed body with a fresh X-Shopify-Webhook-Id per request
 *                      (the HMAC covers the body only), for `duration` seconds.
 *   mode "burst":      `count` distinct orders plus `repeats` redeliveries of earlier ones.
 */
import { createHmac } from 'node:crypto';
import autocannon from 'autocannon';
import { benchOrderPayload } from './payloads';

interface Job {
  url: string;
  path: string;
  mode: 'throughput' | 'burst';
  connections: number;
  duration?: number;
  count?: number;
  repeats?: number;
  secret: string;
  runId: string;
}

const job = JSON.parse(process.argv[2]!) as Job;
const sign = (body: string) => createHmac('sha256', job.secret).update(body).digest('base64');
const baseHeaders = {
  'content-type': 'application/json',
  'x-shopify-topic': 'orders/create',
  'x-shopify-shop-domain': 'bench-wholesale.myshopify.com',
  'x-shopify-api-version': '2026-07',
};

function burstSchedule(count: number, repeats: number): number[] {
  // Every order once, then each repeat redelivers an earlier order at a spread position.
  const order = Array.from({ length: count }, (_, i) => i);
  for (let r = 0; r < repeats; r++) {
    const original = Math.floor((r * 7919) % count);
    const position = Math.min(order.length, original + 1 + ((r * 31) % 500));
    order.splice(position, 0, original);
  }
  return order;
}

async function main(): Promise<void> {
  let requests: autocannon.Request[];
  let amount: number | undefined;
  if (job.mode === 'throughput') {
    const body = JSON.stringify(benchOrderPayload(1, 3));
    const headers = { ...baseHeaders, 'x-shopify-hmac-sha256': sign(body) };
    let n = 0;
    requests = [
      {
        method: 'POST',
        path: job.path,
        body,
        headers,
        setupRequest: (req) => ({ ...req, headers: { ...headers, 'x-shopify-webhook-id': `${job.runId}-${n++}` } }),
      },
    ];
  } else {
    const schedule = burstSchedule(job.count!, job.repeats!);
    amount = schedule.length;
    let next = 0;
    requests = [
      {
        method: 'POST',
        path: job.path,
        setupRequest: (req) => {
          const i = schedule[next++ % schedule.length]!;
          const body = JSON.stringify(benchOrderPayload(1_000_000 + i, 3));
          return {
            ...req,
            body,
            headers: { ...baseHeaders, 'x-shopify-hmac-sha256': sign(body), 'x-shopify-webhook-id': `${job.runId}-${i}` },
          };
        },
      },
    ];
  }
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    ...(amount !== undefined ? { amount } : { duration: job.duration }),
    requests,
  });
  process.stdout.write(JSON.stringify(result));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
