import { requestIdFrom } from './requestId';

describe('requestIdFrom', () => {
  it.each(['edge-req-0001', 'a1b2c3d4e5f6', '0b525745-f022-49ec-9569-13e557a774bb', 'lb:1.2.3_x'])('keeps a sane caller ID %p', (given) => {
    expect(requestIdFrom(given)).toBe(given);
  });

  it.each([
    ['missing', undefined],
    ['too short', 'abc'],
    ['too long', 'x'.repeat(129)],
    ['spaces and quotes', 'has spaces "quoted"'],
    ['a newline (forged log line)', 'abcdefgh\n{"level":50}'],
    ['an HMAC-shaped value', 'c2VjcmV0LWhtYWMtdmFsdWUtdGhhdC1tdXN0LW5vdC1sZWFr+/=='],
  ])('replaces a caller ID that is %s with a UUID', (_case, given) => {
    expect(requestIdFrom(given)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
