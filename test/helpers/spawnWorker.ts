import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * A worker in its own process (workerProcess.ts), so a test can SIGKILL it mid-activity.
 * Resolves once it polls; its stdout is drained so it never blocks on a full pipe.
 */
export async function spawnWorkerProcess(options: { databaseUrl: string; taskQueue: string; shopifyBaseUrl: string; segmentBytes?: number }): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'workerProcess.ts')], {
    env: {
      ...process.env,
      WORKER_DATABASE_URL: options.databaseUrl,
      WORKER_TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
      WORKER_TASK_QUEUE: options.taskQueue,
      WORKER_WORKFLOW_BUNDLE: process.env.TEST_WORKFLOW_BUNDLE,
      WORKER_SHOPIFY_BASE_URL: options.shopifyBaseUrl,
      ...(options.segmentBytes ? { WORKER_SEGMENT_BYTES: String(options.segmentBytes) } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    child.stdout!.on('data', (data: Buffer) => {
      if (data.toString().includes('worker ready')) resolve();
    });
  });
  return child;
}

/** Stops a worker process: `signal` and wait for it to exit. */
export async function stopWorkerProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
