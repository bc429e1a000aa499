import type { Logger } from 'pino';
import { z } from 'zod';
import { shopRegistrationSchema, type ShopRegistration } from './shop/shopRegistration';
import type { Clock } from './support/clock';

/**
 * The factory's options, parsed once. Plain-data options go through zod (every problem is
 * named in one error); the clock and logger are objects and are taken as given.
 */
export const simulatorOptionsSchema = z.object({
  /** HTTP status of a THROTTLED answer: Shopify's GraphQL answers 200, some edges answer 429. */
  throttledHttpStatus: z.union([z.literal(200), z.literal(429)]).default(200),
  /** Multiplies webhook retry delays (1 = Shopify's 4-hour cycle; 0.001 = 14.4 s). */
  webhookTimeScale: z.number().positive().max(1000).default(1),
  /** How long a receiver has to answer 2xx: 5 s on Shopify. */
  webhookTimeoutMs: z.number().int().positive().default(5000),
  /** Root objects per bulk JSONL chunk (the unit of interleaving and of Range seeking). */
  bulkChunkSize: z.number().int().min(1).max(1000).default(3),
  /** Chunks counted per background slice of a running bulk operation. */
  bulkChunksPerSlice: z.number().int().min(1).default(200),
  /** Seed of the fault-injection dice. */
  faultSeed: z.number().int().default(42),
  /** Base URL put in bulk download links; by default taken from each request's Host. */
  publicUrl: z.string().url().optional(),
  /** The app-reserved metafield namespace used when `namespace` is omitted. */
  appNamespace: z.string().default('app--1'),
  shops: z.array(shopRegistrationSchema).default([]),
});

export type SimulatorSettings = z.output<typeof simulatorOptionsSchema>;

export type ShopifySimulatorOptions = Partial<Omit<z.input<typeof simulatorOptionsSchema>, 'shops'>> & {
  shops?: ShopRegistration[];
  clock?: Clock;
  logger?: Logger;
};

export function parseSimulatorOptions(options: ShopifySimulatorOptions): SimulatorSettings {
  const { clock: _clock, logger: _logger, ...data } = options;
  const parsed = simulatorOptionsSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`);
    throw new TypeError(`Invalid Shopify simulator options:\n  - ${problems.join('\n  - ')}`);
  }
  return parsed.data;
}
