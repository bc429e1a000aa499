/**
 * The worker thread of the catalog load (started by parserThread.ts): parses batches of
 * whole JSONL lines into typed CSV rows with catalogLineParser's parseBatch. Batches come
 * in file order from one sender and are answered in that order; the worker numbers the
 * lines itself, from the first line number it is given.
 */
import { parentPort } from 'node:worker_threads';
import { parseBatch } from './catalogLineParser';

/** Main → worker: where numbering starts, then batches of whole lines (the ArrayBuffer is transferred). */
export type ParserIn = { firstLine: number } | { buffer: ArrayBuffer; length: number };

/** Worker → main: ready once loaded; then per batch, in order, its rows (the ArrayBuffer is transferred). */
export type ParserOut = { ready: true } | { buffer: ArrayBuffer; length: number; inputBytes: number; lines: number; rejected: number };

const port = parentPort;
if (!port) throw new Error('parserWorker.ts runs in a worker thread');

let nextLine = 1;
port.on('message', (message: ParserIn) => {
  if ('firstLine' in message) {
    nextLine = message.firstLine;
    return;
  }
  const parsed = parseBatch(new Uint8Array(message.buffer, 0, message.length), nextLine);
  nextLine += parsed.lines;
  // parseBatch's rows are a view of a buffer of its own: hand over the whole buffer.
  const answer = {
    buffer: parsed.csv.buffer as ArrayBuffer,
    length: parsed.csv.length,
    inputBytes: message.length,
    lines: parsed.lines,
    rejected: parsed.rejected,
  } satisfies ParserOut;
  port.postMessage(answer, [answer.buffer]);
});
port.postMessage({ ready: true } satisfies ParserOut);
