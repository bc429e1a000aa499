/**
 * COPY ceilings: the same rows loaded by PostgreSQL's own client, psql's \copy, timed from
 * here (process start to exit). Nothing a loader does over the network can beat COPY of the
 * same bytes into the same table. Without psql, the file is streamed through
 * pg-copy-streams from this process instead (and the run says so).
 */
import { existsSync, createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { runProcess } from './child';

export const PSQL = '/usr/bin/psql';

export interface CopyRun {
  seconds: number;
  /** psql's own peak RSS in KB; undefined when streamed from this process. */
  peakRssKb: number | undefined;
  via: 'psql' | 'pg-copy-streams';
}

export async function copyFile(dbUrl: string, target: string, file: string, options: string): Promise<CopyRun> {
  if (existsSync(PSQL)) {
    const run = await runProcess(PSQL, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', dbUrl, '-c', `\\copy ${target} FROM '${file}' WITH ${options}`]);
    if (run.code !== 0) throw new Error(`psql \\copy into ${target} failed: ${run.stderr.trim()}`);
    return { seconds: run.seconds, peakRssKb: run.sampledPeakKb, via: 'psql' };
  }
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const started = performance.now();
    await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), client.query(copyFrom(`COPY ${target} FROM STDIN WITH ${options}`)));
    return { seconds: (performance.now() - started) / 1000, peakRssKb: undefined, via: 'pg-copy-streams' };
  } finally {
    await client.end();
  }
}
