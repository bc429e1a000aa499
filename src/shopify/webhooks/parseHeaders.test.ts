import { parseWebhookHeaders } from './parseHeaders';

const base: Record<string, string> = {
  'x-shopify-topic': 'orders/create',
  'x-shopify-shop-domain': 'Acme-Wholesale.myshopify.com',
  'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
  'x-shopify-api-version': '2026-07',
  'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
  'x-shopify-triggered-at': '2026-07-14T15:22:33.123456789Z',
};

const parse = (headers: Record<string, string | undefined>) => parseWebhookHeaders((name) => headers[name]);

describe('parseWebhookHeaders', () => {
  it('accepts Shopify headers and normalises the shop domain to lower case', () => {
    const result = parse(base);
    expect(result).toEqual({
      valid: true,
      metadata: {
        topic: 'orders/create',
        shop: 'acme-wholesale.myshopify.com',
        webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
        apiVersion: '2026-07',
        eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
        triggeredAt: new Date('2026-07-14T15:22:33.123Z'),
      },
    });
  });

  it('treats event ID and triggered-at as optional', () => {
    const result = parse({ ...base, 'x-shopify-event-id': undefined, 'x-shopify-triggered-at': undefined });
    expect(result.valid && result.metadata.eventId).toBeUndefined();
  });

  it('names every missing header at once', () => {
    const result = parse({ 'x-shopify-topic': 'orders/create' });
    expect(result).toMatchObject({
      valid: false,
      missing: ['x-shopify-shop-domain', 'x-shopify-webhook-id', 'x-shopify-api-version'],
    });
  });

  it.each([
    ['x-shopify-shop-domain', 'acme.example.com'],
    ['x-shopify-shop-domain', 'acme.myshopify.com.evil.com'],
    ['x-shopify-shop-domain', '-acme.myshopify.com'],
    ['x-shopify-topic', 'ORDERS CREATE'],
    ['x-shopify-webhook-id', 'id with spaces'],
    ['x-shopify-webhook-id', 'x'.repeat(201)],
    ['x-shopify-api-version', '2026-7'],
    ['x-shopify-triggered-at', 'not a date'],
  ])('rejects a malformed %s (%p)', (header, value) => {
    const result = parse({ ...base, [header]: value });
    expect(result).toMatchObject({ valid: false, malformed: [header] });
    expect(!result.valid && result.reason).toContain(header);
  });

  it.each(['unstable', '2025-01'])('accepts API version %p', (version) => {
    expect(parse({ ...base, 'x-shopify-api-version': version }).valid).toBe(true);
  });

  it('treats blank required headers as missing', () => {
    expect(parse({ ...base, 'x-shopify-topic': '  ' })).toMatchObject({ valid: false, missing: ['x-shopify-topic'] });
  });
});
