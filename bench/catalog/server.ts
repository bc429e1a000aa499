import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one file the way a bulk operation's result URL does: 200 with Content-Length, or
 * 206 with Content-Range for `Range: bytes=N-` (the loader resumes with it), 416 past the end.
 */
export async function serveFile(file: string): Promise<FileServer> {
  const server = http.createServer((req, res) => {
    const size = statSync(file).size;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    if (range && start >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return;
    }
    const headers = { 'content-type': 'application/jsonl', 'content-length': String(size - start) };
    if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${size - 1}/${size}` });
    else res.writeHead(200, headers);
    createReadStream(file, { start, highWaterMark: 1024 * 1024 })
      .on('error', (err) => res.destroy(err))
      .pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${encodeURIComponent(file.split('/').pop()!)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
