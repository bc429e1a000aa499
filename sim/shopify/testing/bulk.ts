import { eventually, type Harness, type Json } from './harness';

/** Starts a bulk query through the API and waits until it is no longer running. */
export async function runBulk(h: Harness, query: string, options: { groupObjects?: boolean; version?: string } = {}): Promise<{ id: string; op: Json }> {
  const started = await h.gql(
    'mutation Run($q: String!, $g: Boolean!) { bulkOperationRunQuery(query: $q, groupObjects: $g) { bulkOperation { id status } userErrors { field message code } } }',
    { q: query, g: options.groupObjects ?? false },
    { version: options.version },
  );
  const payload = started.body.data.bulkOperationRunQuery;
  if (payload.userErrors.length > 0) throw new Error(`bulkOperationRunQuery refused: ${JSON.stringify(payload.userErrors)}`);
  const id = payload.bulkOperation.id as string;
  const op = await eventually(async () => {
    const res = await h.gql('query Op($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl createdAt completedAt } }', { id });
    const current = res.body.data.bulkOperation;
    return ['CREATED', 'RUNNING', 'CANCELING'].includes(current.status) ? undefined : current;
  }, 60_000);
  return { id, op };
}

export const parseLines = (text: string): Json[] => text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line));
