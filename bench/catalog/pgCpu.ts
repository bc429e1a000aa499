/**
 * CPU seconds PostgreSQL spent, read from /proc (the cluster runs on this host): the
 * postmaster's own time, the time of its children that exited (cutime/cstime: backends
 * and parallel workers, once reaped) and of those still alive. A difference of two
 * samples is what the cluster spent between them, whatever process did the work.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** USER_HZ: /proc times are in clock ticks (100 per second on Linux everywhere we run). */
const TICKS_PER_SECOND = 100;

/** The postmaster's pid: first line of postmaster.pid in the data directory. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, …]. */
function statFields(pid: string | number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

// Indices into statFields (field number in proc(5) minus 3).
const PPID = 1;
const UTIME = 11;
const STIME = 12;
const CUTIME = 13;
const CSTIME = 14;

/** Cumulative CPU seconds of the cluster, or undefined when /proc cannot tell. */
export function clusterCpuSeconds(postmaster: number | undefined): number | undefined {
  if (postmaster === undefined) return undefined;
  const root = statFields(postmaster);
  if (!root) return undefined;
  let ticks = Number(root[UTIME]) + Number(root[STIME]) + Number(root[CUTIME]) + Number(root[CSTIME]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[PPID]) === postmaster) ticks += Number(fields[UTIME]) + Number(fields[STIME]);
  }
  return ticks / TICKS_PER_SECOND;
}

/** This process's CPU seconds (all its threads, worker threads included). */
export function processCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
