import { z } from 'zod';
import { ConfigError } from '../errors';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const commaList = z
  .string()
  .transform((s) => s.split(',').map((part) => part.trim()).filter((part) => part.length > 0));

const optionalString = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

/** Every environment key the service reads, in one place; nothing else reads `process.env`. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // The interface the API listens on: all of them in a container, loopback when only a local proxy calls it.
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: optionalString.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  TEMPORAL_ADDRESS: optionalString.pipe(
    z.string().regex(/^[^\s:/]+:\d+$/, 'must be host:port').optional(),
  ),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('b2b-orchestrator'),
  TEMPORAL_UI_URL: optionalString.pipe(z.string().url().optional()),
  // The worker's Temporal SDK metrics (Prometheus text at /metrics on this address); unset: not exported.
  TEMPORAL_METRICS_ADDRESS: optionalString.pipe(
    z.string().regex(/^[^\s:/]+:\d+$/, 'must be host:port, e.g. 0.0.0.0:9464').optional(),
  ),
  // Where a JSON notice goes when an event exhausts its retries and is marked dead; unset: log only.
  DEAD_EVENT_WEBHOOK_URL: optionalString.pipe(z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL').optional()),
  // After a secret rotation Shopify may keep signing with the old secret for up to an hour,
  // so several secrets may be configured at once.
  SHOPIFY_API_SECRET: optionalString.pipe(commaList.optional()),
  INTERNAL_AUTH_SECRET: optionalString,
  SHOPIFY_API_VERSION: z.string().regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM').default('2026-07'),
  // `{shop}` is replaced by the shop's domain. Unset: Shopify itself (`https://{shop}`), or,
  // under `npm start` outside production, the Shopify simulator the local stack starts.
  SHOPIFY_ADMIN_BASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^https?:\/\/.*\{shop\}/, 'must be an http(s) URL containing {shop}')
      .optional(),
  ),
  SHOPIFY_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
  SHOPIFY_MAX_CONCURRENCY_PER_SHOP: z.coerce.number().int().min(1).max(50).default(4),
  ADMIN_API_TOKEN: optionalString,
  // When set, GET /metrics wants `Authorization: Bearer <it>` (a scraper's own token, not the admin one).
  METRICS_TOKEN: optionalString,
  // More rejected lines than this fail a catalog import (the valid rest is not merged).
  CATALOG_IMPORT_MAX_REJECTS: z.coerce.number().int().min(0).default(1_000),
  // Cron (UTC) of the nightly full import of every installed shop; "off" disables it.
  CATALOG_IMPORT_SCHEDULE: z.string().default('0 3 * * *'),
  /** Interval of the full constraint → metafield sync (Temporal Schedule), e.g. 15m or 1h; 'off' disables it. */
  CONSTRAINT_SYNC_SCHEDULE: z.string().regex(/^(off|\d+[smh])$/, 'an interval such as 15m, or off').default('15m'),
  // Carts: lines per submitted cart, lines per Shopify draft order (Shopify's limit is 499).
  CART_MAX_LINES: z.coerce.number().int().min(1).max(50_000).default(10_000),
  DRAFT_ORDER_MAX_LINES: z.coerce.number().int().min(1).max(499).default(499),
  // After approval: complete drafts as orders with payment pending (net terms), or send invoices.
  DRAFT_ORDER_COMPLETION: z.enum(['payment_pending', 'invoice']).default('payment_pending'),
  // A cart awaiting approval is cancelled after this many hours; approvers are reminded after the second.
  CART_APPROVAL_TIMEOUT_HOURS: z.coerce.number().positive().max(24 * 90).default(72),
  CART_APPROVAL_REMINDER_HOURS: z.coerce.number().positive().max(24 * 90).default(48),
  WEBHOOK_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5 * 1024 * 1024),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  LOCAL_STACK_DIR: z.string().min(1).default('.local'),
  LOCAL_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOCAL_TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  LOCAL_TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  LOCAL_SHOPIFY_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  TEMPORAL_CLI_PATH: optionalString,
});

/** Every key the service reads from its environment (docker-compose is checked against this). */
export const CONFIG_KEYS: readonly string[] = Object.keys(envSchema.shape);

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  temporal: {
    address: string | undefined;
    namespace: string;
    taskQueue: string;
    uiUrl: string | undefined;
    /** host:port of the worker's SDK Prometheus exporter; undefined when not exported. */
    metricsAddress: string | undefined;
  };
  shopifyApiSecrets: string[];
  shopify: {
    apiVersion: string;
    /** Unset until decided: Shopify, or the local stack's simulator. */
    adminBaseUrl: string | undefined;
    requestTimeoutMs: number;
    maxConcurrencyPerShop: number;
  };
  internalAuthSecret: string | undefined;
  adminApiToken: string | undefined;
  metricsToken?: string | undefined;
  deadEvents: { webhookUrl: string | undefined };
  catalogImport: { maxRejects: number; schedule: string | undefined };
  constraintSync: { every: string | undefined };
  carts: CartSettings;
  webhookMaxBytes: number;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Where `npm start` keeps its own PostgreSQL and Temporal when no endpoints are given. */
  local: { dir: string; postgresPort: number; temporalPort: number; temporalUiPort: number; shopifySimPort: number };
  temporalCliPath: string | undefined;
}

export interface CartSettings {
  maxLines: number;
  maxLinesPerDraft: number;
  completion: 'payment_pending' | 'invoice';
  approvalTimeoutMs: number;
  reminderAfterMs: number;
  /** How long one Shopify step may run before Temporal retries it elsewhere (a dead worker's step). */
  stepTimeoutMs: number;
}

/** What parseConfig gives without CART_* / DRAFT_ORDER_* keys (tests and benches that build no Config). */
export const DEFAULT_CART_SETTINGS: CartSettings = {
  maxLines: 10_000,
  maxLinesPerDraft: 499,
  completion: 'payment_pending',
  approvalTimeoutMs: 72 * 3_600_000,
  reminderAfterMs: 48 * 3_600_000,
  stepTimeoutMs: 60_000,
};

/** A config whose PostgreSQL and Temporal endpoints are known (given, or started locally). */
export type RuntimeConfig = Config & {
  databaseUrl: string;
  temporal: Config['temporal'] & { address: string };
  shopify: Config['shopify'] & { adminBaseUrl: string };
};

/** Where the Admin API of `{shop}` lives when nothing else is configured: Shopify. */
export const SHOPIFY_ADMIN_BASE_URL_DEFAULT = 'https://{shop}';

/**
 * Parses the environment once at start-up. Throws a ConfigError that names every
 * missing or invalid key at once, so an operator fixes them in one pass.
 */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production') {
    if (!e.SHOPIFY_API_SECRET?.length) problems.push('SHOPIFY_API_SECRET: required in production');
    if (!e.DATABASE_URL) problems.push('DATABASE_URL: required in production');
    if (!e.TEMPORAL_ADDRESS) problems.push('TEMPORAL_ADDRESS: required in production');
    if (!e.ADMIN_API_TOKEN) problems.push('ADMIN_API_TOKEN: required in production');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiUrl: e.TEMPORAL_UI_URL,
      metricsAddress: e.TEMPORAL_METRICS_ADDRESS,
    },
    shopifyApiSecrets: e.SHOPIFY_API_SECRET ?? [],
    shopify: {
      apiVersion: e.SHOPIFY_API_VERSION,
      adminBaseUrl: e.SHOPIFY_ADMIN_BASE_URL,
      requestTimeoutMs: e.SHOPIFY_REQUEST_TIMEOUT_MS,
      maxConcurrencyPerShop: e.SHOPIFY_MAX_CONCURRENCY_PER_SHOP,
    },
    internalAuthSecret: e.INTERNAL_AUTH_SECRET,
    adminApiToken: e.ADMIN_API_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    deadEvents: { webhookUrl: e.DEAD_EVENT_WEBHOOK_URL },
    catalogImport: { maxRejects: e.CATALOG_IMPORT_MAX_REJECTS, schedule: e.CATALOG_IMPORT_SCHEDULE === 'off' ? undefined : e.CATALOG_IMPORT_SCHEDULE },
    constraintSync: { every: e.CONSTRAINT_SYNC_SCHEDULE === 'off' ? undefined : e.CONSTRAINT_SYNC_SCHEDULE },
    carts: {
      maxLines: e.CART_MAX_LINES,
      maxLinesPerDraft: e.DRAFT_ORDER_MAX_LINES,
      completion: e.DRAFT_ORDER_COMPLETION,
      approvalTimeoutMs: e.CART_APPROVAL_TIMEOUT_HOURS * 3_600_000,
      reminderAfterMs: Math.min(e.CART_APPROVAL_REMINDER_HOURS, e.CART_APPROVAL_TIMEOUT_HOURS) * 3_600_000,
      stepTimeoutMs: DEFAULT_CART_SETTINGS.stepTimeoutMs,
    },
    webhookMaxBytes: e.WEBHOOK_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
    local: {
      dir: e.LOCAL_STACK_DIR,
      postgresPort: e.LOCAL_POSTGRES_PORT,
      temporalPort: e.LOCAL_TEMPORAL_PORT,
      temporalUiPort: e.LOCAL_TEMPORAL_UI_PORT,
      shopifySimPort: e.LOCAL_SHOPIFY_SIM_PORT,
    },
    temporalCliPath: e.TEMPORAL_CLI_PATH,
  };
}

/** Narrows a Config whose endpoints must already be set (API or worker run on their own). */
export function requireEndpoints(config: Config): RuntimeConfig {
  const problems: string[] = [];
  if (!config.databaseUrl) problems.push('DATABASE_URL: required to run this process on its own');
  if (!config.temporal.address) problems.push('TEMPORAL_ADDRESS: required to run this process on its own');
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, shopify: { ...config.shopify, adminBaseUrl: config.shopify.adminBaseUrl ?? SHOPIFY_ADMIN_BASE_URL_DEFAULT } } as RuntimeConfig;
}
