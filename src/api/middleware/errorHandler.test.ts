import type { AddressInfo } from 'node:net';
import express from 'express';
import { createLogger } from '../../logger';
import { errorHandler } from './errorHandler';

/** What a route's thrown error becomes on the wire. */
async function answerFor(thrown: unknown): Promise<{ status: number; body: any; retryAfter: string | null }> {
  const app = express();
  app.get('/x', () => {
    throw thrown;
  });
  app.use(errorHandler(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
    return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') };
  } finally {
    server.close();
  }
}

/** drizzle's wrapper around a driver error. */
const failedQuery = (cause: Error) => Object.assign(new Error('Failed query: select 1\nparams: '), { cause });

describe('errorHandler', () => {
  it.each([
    ['a pool that hands out no connection in time', new Error('Connection terminated due to connection timeout')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['PostgreSQL shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
  ])('%s → 503 with Retry-After, not 500', async (_name, cause) => {
    const answer = await answerFor(failedQuery(cause));
    expect(answer).toEqual({ status: 503, retryAfter: '5', body: { error: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) } } });
  });

  it('a statement PostgreSQL refuses for its data stays a 500 (a bug to fix, not to retry)', async () => {
    const answer = await answerFor(failedQuery(Object.assign(new Error('operator does not exist'), { code: '42883' })));
    expect(answer.status).toBe(500);
  });

  it('an error that is not the database’s stays a 500', async () => {
    expect((await answerFor(new TypeError('x is undefined'))).status).toBe(500);
  });
});
