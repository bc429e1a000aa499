import { DemoError, expectStatus, waitUntil, type DemoClient, type Json } from './demoClient';

export interface ImportedCatalog {
  importId: string;
  workflowId: string;
  lines: number;
  seconds: number;
}

/**
 * A full catalog import through the API, as an operator starts one (`POST /imports/catalog`:
 * bulk export → COPY → merge), followed to its end. An import already running (the nightly
 * Schedule, or a seed started before a restart) is followed instead of refused.
 */
export async function importCatalog(client: DemoClient, shop: string, timeoutMs = 600_000): Promise<ImportedCatalog> {
  const started = Date.now();
  const answer = await client.api('POST', '/imports/catalog', { shop });
  const body = expectStatus('catalog import', answer, 202, 409);
  const importId: string = body.importId;
  const done: Json = await waitUntil(
    'catalog import',
    async () => {
      const state = expectStatus('catalog import', await client.api('GET', `/imports/${importId}`), 200);
      if (state.status === 'failed') throw new DemoError('catalog import', `failed: ${state.error}`, { importId });
      return state.status === 'completed' ? state : undefined;
    },
    timeoutMs,
    1_000,
  );
  return { importId, workflowId: done.workflowId, lines: done.lines, seconds: (Date.now() - started) / 1000 };
}
