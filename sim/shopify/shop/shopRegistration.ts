import { z } from 'zod';
import { DEFAULT_CATALOG } from '../catalog/catalogSpec';
import { PLANS } from './plans';

/**
 * A shop as a test or operator registers it (`POST /_sim/shops` or the factory's `shops`).
 * `catalog.products` may go to millions: the catalog is generated, never stored.
 */
export const shopRegistrationSchema = z.object({
  shop: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}\.myshopify\.com$/, 'must be <handle>.myshopify.com'),
  accessToken: z.string().min(1),
  plan: z.enum(PLANS).default('plus'),
  bucketSize: z.number().int().min(1).max(10_000_000).optional(),
  name: z.string().min(1).optional(),
  currencyCode: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  catalog: z
    .object({
      products: z.number().int().min(0).max(100_000_000).default(DEFAULT_CATALOG.products),
      variantsPerProduct: z.number().int().min(1).max(2048).default(DEFAULT_CATALOG.variantsPerProduct),
      locations: z.number().int().min(1).max(1000).default(DEFAULT_CATALOG.locations),
      metafieldsPerProduct: z.number().int().min(0).max(50).default(DEFAULT_CATALOG.metafieldsPerProduct),
      seed: z.number().int().default(DEFAULT_CATALOG.seed),
    })
    .default(DEFAULT_CATALOG),
  webhooks: z.object({ url: z.string().url(), secret: z.string().min(1) }).nullable().default(null),
});

export type ShopRegistration = z.input<typeof shopRegistrationSchema>;
export type ParsedShopRegistration = z.output<typeof shopRegistrationSchema>;
