import { z } from 'zod';

/** Bodies of the `/_sim/*` admin endpoints. */
export const faultRuleSchema = z.object({
  field: z.string().min(1),
  shop: z.string().optional(),
  rate: z.number().min(0).max(1).optional(),
  times: z.number().int().min(1).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  effect: z.enum(['error', 'http', 'drop']).optional(),
  httpStatus: z.number().int().min(500).max(599).optional(),
});

export const faultsBodySchema = z.object({ rules: z.array(faultRuleSchema) });

export const resetBodySchema = z.object({ shop: z.string().optional() }).default({});

export const settingsBodySchema = z.object({
  webhookTimeScale: z.number().positive().max(1000).optional(),
  throttledHttpStatus: z.union([z.literal(200), z.literal(429)]).optional(),
});

export const webhookTriggerSchema = z.object({ topic: z.string().regex(/^[a-z_]+\/[a-z_]+$/), payload: z.unknown() });

export const webhookTargetSchema = z.object({ url: z.string().url(), secret: z.string().min(1) }).nullable();

export const catalogChangeSchema = z.object({
  setPrices: z.array(z.object({ variantId: z.string(), price: z.string(), compareAtPrice: z.string().nullable().optional() })).optional(),
  deleteProducts: z.array(z.string()).optional(),
});

export const bulkFaultsSchema = z.object({
  malformedLine: z.number().int().min(1).optional(),
  fail: z.object({ errorCode: z.enum(['ACCESS_DENIED', 'INTERNAL_SERVER_ERROR', 'TIMEOUT']), afterRootObjects: z.number().int().min(0) }).optional(),
  minRunMs: z.number().int().min(0).max(600_000).optional(),
  downloadBytesPerSecond: z.number().int().min(1024).optional(),
});

export const throttleBodySchema = z.object({ currentlyAvailable: z.number().min(0) });
