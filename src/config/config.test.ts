import { ConfigError } from '../errors';
import { parseConfig, requireEndpoints } from './config';

describe('parseConfig', () => {
  it('gives working defaults for local development', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      temporal: { address: undefined, namespace: 'default', taskQueue: 'b2b-orchestrator' },
      shopifyApiSecrets: [],
      webhookMaxBytes: 5 * 1024 * 1024,
      logLevel: 'info',
      shopify: { apiVersion: '2026-07', adminBaseUrl: undefined, requestTimeoutMs: 30_000, maxConcurrencyPerShop: 4 },
      local: { shopifySimPort: 4010 },
    });
  });

  it('talks to Shopify itself when a process runs on its own without SHOPIFY_ADMIN_BASE_URL', () => {
    const config = requireEndpoints(parseConfig({ DATABASE_URL: 'postgres://x/y', TEMPORAL_ADDRESS: 'temporal:7233' }));
    expect(config.shopify.adminBaseUrl).toBe('https://{shop}');
  });

  it('refuses a Shopify base URL without the {shop} placeholder', () => {
    expect(() => parseConfig({ SHOPIFY_ADMIN_BASE_URL: 'http://127.0.0.1:4000' })).toThrow(/SHOPIFY_ADMIN_BASE_URL: must be an http\(s\) URL containing \{shop\}/);
  });

  it('splits a comma-separated SHOPIFY_API_SECRET (rotation) and trims blanks', () => {
    expect(parseConfig({ SHOPIFY_API_SECRET: ' new , old ,, ' }).shopifyApiSecrets).toEqual(['new', 'old']);
  });

  it('names every invalid key in one error', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', TEMPORAL_ADDRESS: 'no-port', LOG_LEVEL: 'loud', WEBHOOK_MAX_BYTES: '10' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
    expect(keys).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'TEMPORAL_ADDRESS', 'WEBHOOK_MAX_BYTES']);
  });

  it('requires secrets and endpoints in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(
      /SHOPIFY_API_SECRET: required in production[\s\S]*DATABASE_URL[\s\S]*TEMPORAL_ADDRESS[\s\S]*ADMIN_API_TOKEN/,
    );
  });

  it('exports no SDK metrics and sends no dead-event notices unless configured', () => {
    const config = parseConfig({});
    expect(config.temporal.metricsAddress).toBeUndefined();
    expect(config.deadEvents.webhookUrl).toBeUndefined();
  });

  it('reads TEMPORAL_METRICS_ADDRESS as host:port and DEAD_EVENT_WEBHOOK_URL as an http(s) URL', () => {
    const config = parseConfig({ TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9464', DEAD_EVENT_WEBHOOK_URL: 'https://ops.example.com/hooks/dead' });
    expect(config.temporal.metricsAddress).toBe('0.0.0.0:9464');
    expect(config.deadEvents.webhookUrl).toBe('https://ops.example.com/hooks/dead');
  });

  it('names a bad TEMPORAL_METRICS_ADDRESS and DEAD_EVENT_WEBHOOK_URL together', () => {
    expect(() => parseConfig({ TEMPORAL_METRICS_ADDRESS: '9464', DEAD_EVENT_WEBHOOK_URL: 'ftp://x' })).toThrow(
      /TEMPORAL_METRICS_ADDRESS: must be host:port[\s\S]*DEAD_EVENT_WEBHOOK_URL: must be an http\(s\) URL/,
    );
  });

  it('treats an empty INTERNAL_AUTH_SECRET as unset', () => {
    expect(parseConfig({ INTERNAL_AUTH_SECRET: '' }).internalAuthSecret).toBeUndefined();
  });
});

describe('requireEndpoints', () => {
  it('refuses a config without DATABASE_URL and TEMPORAL_ADDRESS, naming both', () => {
    expect(() => requireEndpoints(parseConfig({}))).toThrow(/DATABASE_URL[\s\S]*TEMPORAL_ADDRESS/);
  });

  it('passes a config with both', () => {
    const config = requireEndpoints(parseConfig({ DATABASE_URL: 'postgres://u:p@db/x', TEMPORAL_ADDRESS: 'temporal:7233' }));
    expect(config.temporal.address).toBe('temporal:7233');
  });
});
