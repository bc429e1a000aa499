import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ChildRun {
  /** Wall time from spawn to exit, as seen from here. */
  seconds: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The process's peak RSS (VmHWM) as last sampled from /proc, in KB; a floor for crashed children. */
  sampledPeakKb: number | undefined;
}

/** VmHWM of a live process in KB: the kernel's own record of its peak resident set. */
function peakRssKb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command to completion, sampling its peak RSS from /proc every 50 ms: the only
 * figure we get for processes that cannot report their own (psql) or die before they can
 * (the naive baseline running out of memory).
 */
export async function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    // Keep the tail: a crash explains itself at the end.
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  let sampledPeakKb: number | undefined;
  const sample = () => {
    if (child.pid !== undefined) sampledPeakKb = peakRssKb(child.pid) ?? sampledPeakKb;
  };
  const timer = setInterval(sample, 50);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, s) => resolve([c, s]));
  });
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, code, signal, stdout, stderr, sampledPeakKb };
}


let transpiled: string | undefined;
/**
 * The scripts next to this file as plain CommonJS in a scratch folder, transpiled once with
 * the TypeScript compiler (types are checked by `npm run typecheck`, not here).
 */
function transpiledDir(): string {
  if (transpiled) return transpiled;
  // Inside the repository, so the scripts resolve node_modules as they would from bench/.
  const out = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'bench-catalog-js');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(path.join(__dirname, file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  transpiled = out;
  return out;
}

/**
 * Runs one of the scripts next to this file with plain node, as production runs (no tsx:
 * its loader alone is ~25 MB of RSS, and a worker thread would load it again). The script
 * loads production modules from dist/ (see runOurs.ts).
 */
export function runCompiledScript(script: string, job: unknown): Promise<ChildRun> {
  const file = path.join(transpiledDir(), script.replace(/\.ts$/, '.js'));
  return runProcess(process.execPath, [file, JSON.stringify(job)]);
}

/** The JSON object a script printed as its last stdout line. */
export function lastJson<T>(run: ChildRun): T {
  const line = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

/** Why a child failed, in one line: the error it printed, or the signal that killed it. */
export function failureReason(run: ChildRun): string {
  const lines = run.stderr.split('\n').map((l) => l.trim());
  const fatal = lines.find((l) => /FATAL ERROR|out of memory|Cannot create a string|ERR_STRING_TOO_LONG/i.test(l));
  const error = fatal ?? lines.find((l) => /^\w*Error\b|^error:/i.test(l));
  if (error) return error.slice(0, 300);
  if (run.signal) return `killed by ${run.signal}${run.signal === 'SIGKILL' ? ' (likely the kernel OOM killer)' : ''}`;
  return `exit code ${run.code}: ${lines.filter(Boolean).pop() ?? ''}`.slice(0, 300);
}
