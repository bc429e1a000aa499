/**
 * Sorts PostgreSQL failures into "the database is unavailable or busy" (worth retrying
 * for as long as it takes) and "this statement is wrong for this data" (retrying the
 * same input will fail the same way). SQLSTATE classes:
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export type DbErrorKind = 'unavailable' | 'data';

const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57', '58'];
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03']);

export function sqlState(err: unknown): string | undefined {
  let current: unknown = err;
  // drizzle wraps driver errors; the SQLSTATE sits on the cause.
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function classifyDbError(err: unknown): DbErrorKind {
  const state = sqlState(err);
  // No SQLSTATE: a socket error, a pool timeout, a refused connection.
  if (!state) return 'unavailable';
  if (TRANSIENT_SQLSTATES.has(state)) return 'unavailable';
  return TRANSIENT_SQLSTATE_CLASSES.includes(state.slice(0, 2)) ? 'unavailable' : 'data';
}
