import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { inventoryLevels, locations, productVariants, products } from '../db/schema';
import { isNewerThanStored, setFromExcluded } from '../db/sqlHelpers';
import type { InventoryLevelRecord, LocationRecord } from '../shopify/payloads/inventory';
import type { ProductRecord } from '../shopify/payloads/product';
import type { WriteResult } from './orderWriter';

/**
 * Upserts a product and all its variants when the delivery is newer. Each variant carries
 * its own version, so a stale product payload cannot roll back a newer variant. Variants
 * absent from a newer payload were deleted in Shopify and are soft-deleted here.
 */
export async function upsertProduct(tx: DbOrTx, shop: string, product: ProductRecord, eventAt: Date): Promise<WriteResult> {
  const { variants, ...header } = product;
  const applied = await tx
    .insert(products)
    .values({ shop, ...header, sourceEventAt: eventAt, deletedAt: null })
    .onConflictDoUpdate({
      target: [products.shop, products.gid],
      set: { ...setFromExcluded(products, ['shop', 'gid']), syncedAt: sql`now()` },
      setWhere: isNewerThanStored(products),
    })
    .returning({ gid: products.gid });
  if (applied.length === 0) return { applied: false, rows: 0 };

  // Variants that left the product go first, so a SKU they held is free for a new variant.
  await tx.execute(sql`
    UPDATE ${productVariants}
       SET deleted_at = ${eventAt}, shopify_updated_at = ${product.shopifyUpdatedAt},
           source_event_at = ${eventAt}, synced_at = now()
     WHERE shop = ${shop} AND product_gid = ${product.gid} AND deleted_at IS NULL
       AND NOT (gid = ANY(${sql.param(variants.map((v) => v.gid))}::text[]))`);
  const variantsJson = JSON.stringify(variants);
  await tx.execute(sql`
    INSERT INTO ${productVariants}
      (shop, gid, product_gid, sku, title, price, compare_at_price, inventory_item_gid, position,
       shopify_updated_at, source_event_at, deleted_at)
    SELECT ${shop}, v."gid", ${product.gid}, v."sku", v."title", v."price", v."compareAtPrice",
           v."inventoryItemGid", v."position", v."shopifyUpdatedAt", ${eventAt}, NULL
      FROM jsonb_to_recordset(${variantsJson}::jsonb) AS v(
        "gid" text, "sku" text, "title" text, "price" numeric, "compareAtPrice" numeric,
        "inventoryItemGid" text, "position" int, "shopifyUpdatedAt" timestamptz)
    ON CONFLICT (shop, gid) DO UPDATE SET
      product_gid = excluded.product_gid, sku = excluded.sku, title = excluded.title,
      price = excluded.price, compare_at_price = excluded.compare_at_price,
      inventory_item_gid = excluded.inventory_item_gid, position = excluded.position,
      shopify_updated_at = excluded.shopify_updated_at, source_event_at = excluded.source_event_at,
      deleted_at = NULL, synced_at = now()
    WHERE ${isNewerThanStored(productVariants)}`);
  return { applied: true, rows: 1 + variants.length };
}

/**
 * `products/delete` carries only the ID, so the event's trigger time versions it: an update
 * Shopify made before the deletion, delivered after it, does not bring the product back.
 */
export async function softDeleteProduct(tx: DbOrTx, shop: string, productGid: string, eventAt: Date): Promise<WriteResult> {
  const deleted = await tx
    .update(products)
    .set({ deletedAt: eventAt, shopifyUpdatedAt: sql`greatest(${products.shopifyUpdatedAt}, ${eventAt})`, sourceEventAt: eventAt, syncedAt: sql`now()` })
    .where(and(eq(products.shop, shop), eq(products.gid, productGid)))
    .returning({ gid: products.gid });
  const variants = await tx
    .update(productVariants)
    .set({ deletedAt: eventAt, shopifyUpdatedAt: sql`greatest(${productVariants.shopifyUpdatedAt}, ${eventAt})`, sourceEventAt: eventAt, syncedAt: sql`now()` })
    .where(and(eq(productVariants.shop, shop), eq(productVariants.productGid, productGid), sql`${productVariants.deletedAt} IS NULL`))
    .returning({ gid: productVariants.gid });
  return { applied: deleted.length > 0, rows: deleted.length + variants.length };
}

export async function upsertInventoryLevel(tx: DbOrTx, shop: string, level: InventoryLevelRecord, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .insert(inventoryLevels)
    .values({ shop, ...level, sourceEventAt: eventAt })
    .onConflictDoUpdate({
      target: [inventoryLevels.shop, inventoryLevels.inventoryItemGid, inventoryLevels.locationGid],
      set: { ...setFromExcluded(inventoryLevels, ['shop', 'inventoryItemGid', 'locationGid']), syncedAt: sql`now()` },
      setWhere: isNewerThanStored(inventoryLevels),
    })
    .returning({ shop: inventoryLevels.shop });
  return { applied: rows.length > 0, rows: rows.length };
}

/** The item is no longer stocked at the location. */
export async function deleteInventoryLevel(tx: DbOrTx, shop: string, level: InventoryLevelRecord, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .delete(inventoryLevels)
    .where(
      and(
        eq(inventoryLevels.shop, shop),
        eq(inventoryLevels.inventoryItemGid, level.inventoryItemGid),
        eq(inventoryLevels.locationGid, level.locationGid),
        sql`(${inventoryLevels.shopifyUpdatedAt}, ${inventoryLevels.sourceEventAt}) < (${level.shopifyUpdatedAt}, ${eventAt})`,
      ),
    )
    .returning({ shop: inventoryLevels.shop });
  return { applied: rows.length > 0, rows: rows.length };
}

export async function upsertLocation(tx: DbOrTx, shop: string, location: LocationRecord, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .insert(locations)
    .values({ shop, ...location, sourceEventAt: eventAt, deletedAt: null })
    .onConflictDoUpdate({
      target: [locations.shop, locations.gid],
      set: { ...setFromExcluded(locations, ['shop', 'gid']), syncedAt: sql`now()` },
      setWhere: isNewerThanStored(locations),
    })
    .returning({ gid: locations.gid });
  return { applied: rows.length > 0, rows: rows.length };
}

export async function softDeleteLocation(tx: DbOrTx, shop: string, locationGid: string, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .update(locations)
    .set({ deletedAt: eventAt, active: false, shopifyUpdatedAt: sql`greatest(${locations.shopifyUpdatedAt}, ${eventAt})`, sourceEventAt: eventAt })
    .where(and(eq(locations.shop, shop), eq(locations.gid, locationGid)))
    .returning({ gid: locations.gid });
  return { applied: rows.length > 0, rows: rows.length };
}
