import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Instructions retired by one process, counted by valgrind: every x86-64 instruction executed
 * (event `Ir`), in the program and the libraries it calls, from exec to exit. Counts come from
 * cachegrind with its cache simulation off — the same Ir count as callgrind's, about three
 * times faster, which keeps the 10,000-quota case within the bench's time; callgrind is used
 * only for the profile (it keeps the call graph for callgrind_annotate --inclusive).
 */
export interface Count {
  instructions: number;
  /** What the script printed. */
  stdout: string;
}

export const countArgs = (outFile: string, command: readonly string[]) => ['--tool=cachegrind', '--cache-sim=no', `--cachegrind-out-file=${outFile}`, ...command];
export const profileArgs = (outFile: string, command: readonly string[]) => ['--tool=callgrind', `--callgrind-out-file=${outFile}`, ...command];

export function countInstructions(outFile: string, command: readonly string[]): Count {
  const stdout = execFileSync('valgrind', countArgs(outFile, command), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const summary = /^summary: (\d+)/m.exec(readFileSync(outFile, 'utf8'));
  if (!summary) throw new Error(`no summary line in ${outFile}`);
  return { instructions: Number(summary[1]), stdout };
}

/** The top functions by inclusive cost of one callgrind run, as callgrind_annotate prints them. */
export function profile(outFile: string, command: readonly string[], top: number): string {
  execFileSync('valgrind', profileArgs(outFile, command), { stdio: 'ignore' });
  const text = execFileSync('callgrind_annotate', ['--inclusive=yes', outFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /file:function/.test(l));
  // Paths of the QuickJS build add nothing: keep the file's base name and the function.
  return lines
    .slice(start, start + 2 + top)
    .map((l) => l.replace(/\s\[[^\]]*\]$/, '').replace(/\S*\/([^/\s]+:)/, '$1'))
    .join('\n');
}
