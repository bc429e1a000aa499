import { Readable } from 'node:stream';
import type { BulkFileSpec } from './bulkFileSpec';
import { renderChunk } from './chunkRenderer';
import type { FileIndex } from './fileIndex';

/**
 * Bytes [start, end] of a bulk export file, generated chunk by chunk from the nearest
 * checkpoint at or before `start`. The stream pulls (a chunk per `read()`), so a slow
 * reader holds back generation and memory stays at about one chunk.
 */
export function openFileStream(spec: BulkFileSpec, index: FileIndex, start: number, end: number): Readable {
  let checkpoint = index.checkpoints[0] ?? { chunk: 0, offset: 0, line: 1 };
  for (const candidate of index.checkpoints) {
    if (candidate.offset > start) break;
    checkpoint = candidate;
  }
  let chunk = checkpoint.chunk;
  let offset = checkpoint.offset;
  let line = checkpoint.line;

  return new Readable({
    highWaterMark: 256 * 1024,
    read() {
      while (true) {
        if (chunk >= index.endChunk || offset > end) {
          this.push(null);
          return;
        }
        const rendered = renderChunk(spec, chunk, line);
        const bytes = Buffer.from(rendered.text);
        const chunkStart = offset;
        chunk += 1;
        line += rendered.lines;
        offset += bytes.length;
        if (offset <= start) continue;
        const from = Math.max(0, start - chunkStart);
        const to = Math.min(bytes.length, end + 1 - chunkStart);
        if (to <= from) continue;
        if (!this.push(bytes.subarray(from, to))) return;
      }
    },
  });
}
