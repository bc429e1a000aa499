import { z } from 'zod';
import { toGid } from '../gid';
import { gidOf, gidString, moneyString, numericId, parsePayload, tagList, timestamp } from './common';

const variantSchema = z.object({
  id: numericId,
  admin_graphql_api_id: gidString.nullish(),
  product_id: numericId.nullish(),
  sku: z.string().nullish(),
  title: z.string().nullish(),
  price: moneyString,
  compare_at_price: moneyString.nullish(),
  inventory_item_id: numericId.nullish(),
  position: z.number().int().nullish(),
  updated_at: timestamp.nullish(),
});

export const productSchema = z.object({
  id: numericId,
  admin_graphql_api_id: gidString.nullish(),
  title: z.string(),
  handle: z.string().nullish(),
  status: z.string().default('active'),
  vendor: z.string().nullish(),
  product_type: z.string().nullish(),
  tags: tagList,
  updated_at: timestamp,
  variants: z.array(variantSchema).default([]),
});

export interface ProductRecord {
  gid: string;
  title: string;
  handle: string | null;
  /** Upper-case, as the GraphQL API (and therefore bulk exports) spells it. */
  status: string;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  shopifyUpdatedAt: Date;
  variants: VariantRecord[];
}

export interface VariantRecord {
  gid: string;
  sku: string | null;
  title: string | null;
  price: string;
  compareAtPrice: string | null;
  inventoryItemGid: string | null;
  position: number | null;
  shopifyUpdatedAt: Date;
}

/** Maps a `products/create|update` payload to the product and all its variants. */
export function mapProductPayload(payload: unknown): ProductRecord {
  const p = parsePayload(productSchema, payload, 'product');
  return {
    gid: gidOf('Product', p),
    title: p.title,
    handle: p.handle ?? null,
    status: p.status.toUpperCase(),
    vendor: p.vendor ?? null,
    productType: p.product_type ?? null,
    tags: p.tags,
    shopifyUpdatedAt: p.updated_at,
    variants: p.variants.map((v) => ({
      gid: gidOf('ProductVariant', v),
      sku: v.sku?.trim() ? v.sku.trim() : null,
      title: v.title ?? null,
      price: v.price,
      compareAtPrice: v.compare_at_price ?? null,
      inventoryItemGid: v.inventory_item_id ? toGid('InventoryItem', v.inventory_item_id) : null,
      position: v.position ?? null,
      shopifyUpdatedAt: v.updated_at ?? p.updated_at,
    })),
  };
}

export const deletedSchema = z
  .object({ id: numericId.nullish(), admin_graphql_api_id: gidString.nullish() })
  .refine((d) => d.id || d.admin_graphql_api_id, 'needs id or admin_graphql_api_id');

/** `products/delete`, `customers/delete`, ... carry little more than the ID (B2B topics only the GID). */
export function mapDeletedId(payload: unknown, type: 'Product' | 'Customer' | 'Company' | 'CompanyLocation' | 'Location'): string {
  const d = parsePayload(deletedSchema, payload, `${type} deletion`);
  return d.admin_graphql_api_id ?? toGid(type, d.id!);
}
