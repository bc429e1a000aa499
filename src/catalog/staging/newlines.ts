const NEWLINE = 0x0a;

/** Newlines in `chunk`: native indexOf hops, not a per-byte JavaScript loop. */
export function countNewlines(chunk: Uint8Array): number {
  let count = 0;
  for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/** Index just past the last newline of `chunk`, or 0 when it has none. */
export function endOfLastLine(chunk: Uint8Array): number {
  return chunk.lastIndexOf(NEWLINE) + 1;
}
