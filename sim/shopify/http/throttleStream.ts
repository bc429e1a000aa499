import { Transform } from 'node:stream';

/**
 * Passes bytes through no faster than `bytesPerSecond`, in slices of at most 1/10 s, so a
 * test can watch (and interrupt) a download midway.
 */
export function throttleStream(bytesPerSecond: number): Transform {
  const started = Date.now();
  let sent = 0;
  const slice = Math.max(1, Math.floor(bytesPerSecond / 10));
  const paced = async (stream: Transform, chunk: Buffer): Promise<void> => {
    for (let at = 0; at < chunk.length; at += slice) {
      const part = chunk.subarray(at, at + slice);
      sent += part.length;
      const wait = started + (sent / bytesPerSecond) * 1000 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      stream.push(part);
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      paced(this, chunk).then(() => done(), done);
    },
  });
}
