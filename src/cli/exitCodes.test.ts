import { EXIT, exitCodeForStatus } from './exitCodes';

describe('exit code of an API answer', () => {
  it.each([
    [200, EXIT.ok],
    [202, EXIT.ok],
    [400, EXIT.usage],
    [413, EXIT.usage],
    [415, EXIT.usage],
    [401, EXIT.failed],
    [403, EXIT.failed],
    [409, EXIT.failed],
    [422, EXIT.failed],
    [404, EXIT.notFound],
    [500, EXIT.failed],
    [502, EXIT.unavailable],
    [503, EXIT.unavailable],
    [504, EXIT.unavailable],
  ])('HTTP %i → exit %i', (status, code) => {
    expect(exitCodeForStatus(status)).toBe(code);
  });
});
