import { createHmac } from 'node:crypto';
import { secretsEqual, signWebhookBody, verifyWebhookHmac } from './hmac';

// Expected values come from Node's crypto directly, never from the code under test.
const expected = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64');

describe('verifyWebhookHmac', () => {
  const body = Buffer.from('{"id":1,"note":"café ✓"}');

  it.each([
    { name: 'the only secret signed it', secrets: ['s1'], signer: 's1', valid: true },
    { name: 'the previous secret signed it during a rotation', secrets: ['new', 'old'], signer: 'old', valid: true },
    { name: 'no configured secret signed it', secrets: ['a', 'b'], signer: 'c', valid: false },
    { name: 'no secrets are configured', secrets: [], signer: 'a', valid: false },
  ])('when $name → $valid', ({ secrets, signer, valid }) => {
    expect(verifyWebhookHmac(body, expected(body.toString(), signer), secrets)).toBe(valid);
  });

  it('rejects a signature over different bytes', () => {
    expect(verifyWebhookHmac(Buffer.from(body.toString() + ' '), expected(body.toString(), 's'), ['s'])).toBe(false);
  });

  it.each(['', 'not base64!', 'AAAA', Buffer.alloc(31).toString('base64'), Buffer.alloc(64).toString('base64')])(
    'rejects a header that is not a 32-byte base64 digest (%p) without throwing',
    (header) => {
      expect(verifyWebhookHmac(body, header, ['s'])).toBe(false);
    },
  );

  it('signWebhookBody produces what Shopify sends', () => {
    expect(signWebhookBody(body, 'k')).toBe(expected(body.toString(), 'k'));
  });
});

describe('secretsEqual', () => {
  it.each([
    ['same', 'same', true],
    ['same', 'Same', false],
    ['short', 'a-much-longer-secret', false],
    ['', 'x', false],
  ])('%p vs %p → %p', (a, b, equal) => {
    expect(secretsEqual(a, b)).toBe(equal);
  });
});
