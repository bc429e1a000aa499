import { z } from 'zod';
import { toGid } from '../gid';
import { gidOf, gidString, numericId, parsePayload, timestamp } from './common';

export const inventoryLevelSchema = z.object({
  inventory_item_id: numericId,
  location_id: numericId,
  available: z.number().int().nullish(),
  updated_at: timestamp,
});

export interface InventoryLevelRecord {
  inventoryItemGid: string;
  locationGid: string;
  available: number;
  shopifyUpdatedAt: Date;
}

/** `inventory_levels/update|connect|disconnect`. A connect without a quantity means 0 on hand. */
export function mapInventoryLevelPayload(payload: unknown): InventoryLevelRecord {
  const l = parsePayload(inventoryLevelSchema, payload, 'inventory level');
  return {
    inventoryItemGid: toGid('InventoryItem', l.inventory_item_id),
    locationGid: toGid('Location', l.location_id),
    available: l.available ?? 0,
    shopifyUpdatedAt: l.updated_at,
  };
}

export const locationSchema = z.object({
  id: numericId,
  admin_graphql_api_id: gidString.nullish(),
  name: z.string(),
  active: z.boolean().default(true),
  country_code: z.string().nullish(),
  province_code: z.string().nullish(),
  updated_at: timestamp,
});

export interface LocationRecord {
  gid: string;
  name: string;
  active: boolean;
  countryCode: string | null;
  provinceCode: string | null;
  shopifyUpdatedAt: Date;
}

export function mapLocationPayload(payload: unknown): LocationRecord {
  const l = parsePayload(locationSchema, payload, 'location');
  return {
    gid: gidOf('Location', l),
    name: l.name,
    active: l.active,
    countryCode: l.country_code ?? null,
    provinceCode: l.province_code ?? null,
    shopifyUpdatedAt: l.updated_at,
  };
}
