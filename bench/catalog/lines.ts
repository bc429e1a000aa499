import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;

export interface ReadTotals {
  bytes: number;
  lines: number;
}

/**
 * Calls `onLine` for every line of `file` (without its newline), splitting 1 MB chunks with
 * Buffer.indexOf (native) rather than readline; a line cut by a chunk boundary is joined
 * with the next chunk. The fastest way Node has to hand each line to JSON.parse.
 * `afterChunk`, when given, is awaited between chunks (a writer's backpressure).
 */
export async function forEachLine(file: string, onLine: (line: string) => void, afterChunk?: () => Promise<void>): Promise<ReadTotals> {
  let bytes = 0;
  let lines = 0;
  let carry: Buffer | undefined;
  for await (const piece of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const chunk = piece as Buffer;
    bytes += chunk.length;
    let start = 0;
    let end = chunk.indexOf(NEWLINE);
    if (carry && end !== -1) {
      onLine(Buffer.concat([carry, chunk.subarray(0, end)]).toString('utf8'));
      lines++;
      carry = undefined;
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    for (; end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      onLine(chunk.toString('utf8', start, end));
      lines++;
      start = end + 1;
    }
    if (start < chunk.length) carry = carry ? Buffer.concat([carry, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
    if (afterChunk) await afterChunk();
  }
  if (carry && carry.length > 0) {
    onLine(carry.toString('utf8'));
    lines++;
  }
  return { bytes, lines };
}

/** Lines in `file` (a last line without a newline counts). */
export async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = NEWLINE;
  for await (const piece of createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) {
    const chunk = piece as Buffer;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  return last === NEWLINE ? lines : lines + 1;
}
