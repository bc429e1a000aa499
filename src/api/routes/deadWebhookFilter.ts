import { z } from 'zod';
import { normalizeShopDomain } from '../../shopify/shopDomain';

const instant = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date-time such as 2026-07-01T00:00:00Z')
  .transform((s) => new Date(s));

/** The filter of `GET /webhooks/dead` and `POST /webhooks/replay`: shop, topic, received in [since, until). */
export const deadWebhookFilter = z
  .object({
    shop: z.string().transform((value, ctx) => normalizeShopDomain(value) ?? (ctx.addIssue({ code: 'custom', message: 'must be a *.myshopify.com domain' }), z.NEVER)).optional(),
    topic: z.string().trim().regex(/^[a-z_]+\/[a-z_]+$/, 'must be a Shopify topic such as orders/create').optional(),
    since: instant.optional(),
    until: instant.optional(),
  })
  .refine((f) => !f.since || !f.until || f.since < f.until, { message: 'since must be before until', path: ['since'] });

export const issuesOf = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
