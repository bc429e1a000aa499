import { spawn } from 'node:child_process';
import path from 'node:path';
import { clusterCpuSeconds, processCpuSeconds } from '../catalog/pgCpu';
import type { ServerTally } from './serverTally';

export interface Phase {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU seconds spent by this process (the API) and by the PostgreSQL cluster, from the start until the last request in flight ended. */
  cpu: { node: number; postgres: number };
  /** Responses the server finished in that span, those autocannon stopped waiting for included: what `cpu` paid for. */
  served: { ok: number; failed: number };
}

export interface PhaseJob {
  url: string;
  bodyFile: string;
  connections: number;
  duration: number;
  postmaster: number | undefined;
  tally: ServerTally;
}

/**
 * One autocannon load of `duration` seconds, in its own process so it does not share the
 * API's event loop, starting and ending with no request in flight, with the API's and the
 * cluster's CPU sampled around it.
 */
export async function runPhase(job: PhaseJob): Promise<Phase> {
  await job.tally.idle();
  job.tally.reset();
  const pg0 = clusterCpuSeconds(job.postmaster);
  const node0 = processCpuSeconds();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      path.join(__dirname, '..', '..', 'node_modules', '.bin', 'autocannon'),
      ['-c', String(job.connections), '-d', String(job.duration), '-m', 'POST', '-H', 'content-type=application/json', '-i', job.bodyFile, '-j', job.url],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`autocannon exited with ${code}`))));
  });
  await job.tally.idle();
  const cpu = { node: processCpuSeconds() - node0, postgres: (clusterCpuSeconds(job.postmaster) ?? 0) - (pg0 ?? 0) };
  return { ...(JSON.parse(out) as Omit<Phase, 'cpu' | 'served'>), cpu, served: job.tally.finished() };
}
