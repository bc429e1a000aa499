import { ConfigError } from '../errors';
import { parseEdgeConfig, type EdgeVars } from './edgeConfig';

const valid: EdgeVars = {
  ORIGIN_URL: 'https://origin.example.com/webhooks/shopify',
  SHOPIFY_API_SECRET: 'new, old',
  INTERNAL_AUTH_SECRET: 'internal',
  ALLOWED_SHOPS: 'Acme-Wholesale.myshopify.com',
};

describe('parseEdgeConfig', () => {
  it('reads secrets as a rotation list, normalises shops, defaults topics to those the origin handles and numbers to wrangler.toml values', () => {
    const config = parseEdgeConfig({ ...valid, FORWARD_TIMEOUT_MS: 1_000 });
    expect(config.shopifySecrets).toEqual(['new', 'old']);
    expect(config.allowedShops).toEqual(new Set(['acme-wholesale.myshopify.com']));
    expect(config.allowedTopics.has('orders/create')).toBe(true);
    expect(config.allowedTopics.has('orders/edited')).toBe(false);
    expect(config).toMatchObject({ forwardTimeoutMs: 1_000, deliveryTimeoutMs: 15_000, maxBodyBytes: 5 * 1024 * 1024, retry: { baseSeconds: 2, maxSeconds: 300 } });
  });

  it('"*" allows every shop', () => {
    expect(parseEdgeConfig({ ...valid, ALLOWED_SHOPS: '*' }).allowedShops).toBe('all');
  });

  it('names every missing or invalid key at once, and never a secret value', () => {
    let error: unknown;
    try {
      parseEdgeConfig({ ORIGIN_URL: 'ftp://x', SHOPIFY_API_SECRET: ' ', INTERNAL_AUTH_SECRET: 'hunter2', FORWARD_TIMEOUT_MS: '9000' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems.map((p) => p.split(':')[0])).toEqual(['ORIGIN_URL', 'SHOPIFY_API_SECRET', 'ALLOWED_SHOPS', 'FORWARD_TIMEOUT_MS']);
    expect(problems.join(' ')).not.toContain('hunter2');
  });

  it.each([
    [{ ALLOWED_SHOPS: 'acme.example.com' }, /ALLOWED_SHOPS: "acme.example.com"/],
    [{ ALLOWED_TOPICS: 'orders/create,themes/publish' }, /ALLOWED_TOPICS: the origin handles no themes\/publish/],
    [{ RETRY_BASE_SECONDS: '60', RETRY_MAX_SECONDS: '10' }, /RETRY_MAX_SECONDS/],
  ])('refuses %p', (vars, message) => {
    expect(() => parseEdgeConfig({ ...valid, ...vars })).toThrow(message);
  });
});
