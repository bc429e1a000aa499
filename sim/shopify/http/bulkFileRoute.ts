import { Router, type Request, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { openFileStream } from '../bulk/fileStream';
import { BULK_URL_TTL_MS } from '../graphql/resolvers/bulkOperationView';
import type { SimulatorCore } from '../simulatorCore';
import { decideRange } from './byteRange';
import { throttleStream } from './throttleStream';

/**
 * The download URLs of bulk exports. Like Shopify's (signed storage URLs) they need no
 * access token but an unguessable token, expire 7 days after the operation finished, and
 * honour `Range` (206 with Content-Range; 416 when unsatisfiable). The bytes are generated
 * on the fly from the operation's snapshot; Content-Length comes from the counting pass.
 */
export function bulkFileRoutes(core: SimulatorCore): Router {
  const router = Router();
  const serve = async (req: Request, res: Response): Promise<void> => {
    const shop = core.shops.get(String(req.params.shop));
    const op = shop?.bulkOperations.get(Number(req.params.id));
    const kind = String(req.params.kind);
    const wanted = kind === 'result.jsonl' ? 'COMPLETED' : kind === 'partial.jsonl' ? 'FAILED' : undefined;
    if (!op || op.token !== req.params.token || op.status !== wanted || !op.index || op.index.objectCount === 0) {
      res.status(404).type('text/plain').send('NoSuchKey: The specified key does not exist.');
      return;
    }
    if (op.completedAt !== null && core.clock.now() - op.completedAt > BULK_URL_TTL_MS) {
      res.status(403).type('text/plain').send('AccessDenied: Request has expired.');
      return;
    }
    const size = op.index.size;
    const range = decideRange(req.get('range'), size);
    shop!.bulkDownloads.push({ bulkOperationId: op.id, range: req.get('range') ?? null, at: new Date(core.clock.now()).toISOString() });
    res.set({ 'accept-ranges': 'bytes', 'content-type': 'application/jsonl' });
    if (range.kind === 'unsatisfiable') {
      res.status(416).set('content-range', `bytes */${size}`).end();
      return;
    }
    const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
    res.status(range.kind === 'partial' ? 206 : 200).set('content-length', String(end - start + 1));
    if (range.kind === 'partial') res.set('content-range', `bytes ${start}-${end}/${size}`);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      const rate = shop!.bulkFaults?.downloadBytesPerSecond;
      const source = openFileStream(op.file, op.index, start, end);
      await (rate ? pipeline(source, throttleStream(rate), res) : pipeline(source, res));
    } catch (err) {
      // A client that hangs up mid-download is normal (it may resume with Range).
      core.logger.debug({ shop: op.shop, bulkOperationId: op.id, err: String(err) }, 'bulk download ended early');
    }
  };
  router.get('/_sim/bulk-files/:shop/:id/:token/:kind', serve);
  router.head('/_sim/bulk-files/:shop/:id/:token/:kind', serve);
  return router;
}
