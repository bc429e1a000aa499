import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../src/local/ports';

/**
 * The Shopify simulator in its own process (as benchmarks run it, so its work is not on
 * the measured process's event loop), with one registered shop.
 */
export async function startSimulatorProcess(options: { shop: string; token: string; plan: string; bucketSize?: number; products: number; variants?: number }): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const args = ['--port', String(port), '--shop', options.shop, '--token', options.token, '--plan', options.plan, '--products', String(options.products), '--variants', String(options.variants ?? 5), '--log-level', 'warn'];
  if (options.bucketSize) args.push('--bucket-size', String(options.bucketSize));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'sim', 'shopify', 'main.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.includes('listening on')) resolve();
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** A call to the simulator's `/_sim/` operator API. */
export async function simAdmin<T>(url: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
