import { chunkCount, type BulkFileSpec } from './bulkFileSpec';
import { renderChunk } from './chunkRenderer';

/**
 * The counting pass. The JSONL is generated again for every download, so its size (for
 * Content-Length and Range) is learnt by generating it once while the operation RUNS,
 * discarding the bytes. Line widths vary (prices, titles), so there is no closed formula;
 * a pass costs the same as one download, and Shopify's own exports take time too.
 *
 * Every `stride` chunks a checkpoint records (chunk, byte offset, line number), so a Range
 * request regenerates from the nearest checkpoint instead of from byte 0. The stride keeps
 * at most ~4,096 checkpoints whatever the catalog size: memory stays bounded.
 */
export interface Checkpoint {
  chunk: number;
  offset: number;
  line: number;
}

export interface FileIndex {
  size: number;
  objectCount: number;
  rootObjectCount: number;
  /** Chunks [0, endChunk) make up the file (fewer than all when an export failed midway). */
  endChunk: number;
  checkpoints: Checkpoint[];
}

const MAX_CHECKPOINTS = 4096;

export class FileIndexBuilder {
  private chunk = 0;
  private offset = 0;
  private line = 1;
  private roots = 0;
  private halted = false;
  private readonly total: number;
  private readonly stride: number;
  private readonly checkpoints: Checkpoint[] = [];

  /**
   * `failAfterRoots`: an injected failure. The partial file then holds the whole chunks
   * that fit within that many root objects, as a failed export keeps what it wrote.
   */
  constructor(
    private readonly spec: BulkFileSpec,
    private readonly failAfterRoots: number | null = null,
  ) {
    this.total = chunkCount(spec);
    this.stride = Math.max(1, Math.ceil(this.total / MAX_CHECKPOINTS));
  }

  get done(): boolean {
    return this.halted || this.chunk >= this.total;
  }

  /** True when the injected failure stopped the pass (the operation then FAILS). */
  get failed(): boolean {
    return this.halted;
  }

  /** Counts up to `chunks` more chunks; returns the objects counted so far. */
  step(chunks: number): { objectCount: number; rootObjectCount: number } {
    for (let n = 0; n < chunks && !this.done; n += 1) {
      const rendered = renderChunk(this.spec, this.chunk, this.line);
      if (this.failAfterRoots !== null && this.roots + rendered.roots > this.failAfterRoots) {
        this.halted = true;
        break;
      }
      if (this.chunk % this.stride === 0) this.checkpoints.push({ chunk: this.chunk, offset: this.offset, line: this.line });
      this.offset += Buffer.byteLength(rendered.text);
      this.line += rendered.lines;
      this.roots += rendered.roots;
      this.chunk += 1;
    }
    if (this.failAfterRoots !== null && this.chunk >= this.total) this.halted = true;
    return { objectCount: this.line - 1, rootObjectCount: this.roots };
  }

  result(): FileIndex {
    return { size: this.offset, objectCount: this.line - 1, rootObjectCount: this.roots, endChunk: this.chunk, checkpoints: this.checkpoints };
  }
}
