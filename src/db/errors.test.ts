import { classifyDbError } from './errors';

const pgError = (code: string) => Object.assign(new Error('x'), { code });

describe('classifyDbError', () => {
  it.each([
    ['a refused connection (no SQLSTATE)', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'unavailable'],
    ['a pool timeout', new Error('timeout exceeded when trying to connect'), 'unavailable'],
    ['admin shutdown 57P01', pgError('57P01'), 'unavailable'],
    ['connection failure 08006', pgError('08006'), 'unavailable'],
    ['too many connections 53300', pgError('53300'), 'unavailable'],
    ['serialization failure 40001', pgError('40001'), 'unavailable'],
    ['deadlock 40P01', pgError('40P01'), 'unavailable'],
    ['unique violation 23505', pgError('23505'), 'data'],
    ['invalid JSON 22P02', pgError('22P02'), 'data'],
    ['undefined column 42703', pgError('42703'), 'data'],
    ['a driver error wrapped by the query builder', Object.assign(new Error('Failed query'), { cause: pgError('23505') }), 'data'],
  ])('%s → %s', (_name, err, kind) => {
    expect(classifyDbError(err)).toBe(kind);
  });
});
