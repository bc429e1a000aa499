import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { orderLineItems, orders } from '../db/schema';
import { markConstraintsDirty } from './constraintDirtyMarks';
import { isNewerThanStored, setFromExcluded } from '../db/sqlHelpers';
import type { OrderRecord } from '../shopify/payloads/order';

export interface WriteResult {
  applied: boolean;
  rows: number;
  /** A workflow to wake about this event (see HandlerResult.signal). */
  signal?: { workflowId: string; signal: string; args: unknown[] };
  /** A company location's checkout constraints changed (see HandlerResult.constraintsChanged). */
  constraintsChanged?: boolean;
}

/**
 * Upserts an order and replaces its lines, if the delivery is newer than what we hold.
 * All lines go in one statement (`jsonb_to_recordset` over one parameter), whatever their
 * number: a 10,000-line order is one round trip and stays under PostgreSQL's 65,535
 * bind-parameter limit that a multi-row VALUES list would hit.
 */
export async function upsertOrder(tx: DbOrTx, shop: string, order: OrderRecord, eventAt: Date): Promise<WriteResult> {
  const { lines, ...header } = order;
  const applied = await tx
    .insert(orders)
    .values({ shop, ...header, lineCount: lines.length, sourceEventAt: eventAt })
    .onConflictDoUpdate({
      target: [orders.shop, orders.gid],
      set: { ...setFromExcluded(orders, ['shop', 'gid']), syncedAt: sql`now()` },
      setWhere: isNewerThanStored(orders),
    })
    .returning({ gid: orders.gid });
  if (applied.length === 0) return { applied: false, rows: 0 };

  const linesJson = JSON.stringify(lines);
  await tx.execute(sql`
    INSERT INTO ${orderLineItems}
      (shop, gid, order_gid, position, variant_gid, product_gid, sku, title, quantity, price, total_discount)
    SELECT ${shop}, l."gid", ${order.gid}, l."position", l."variantGid", l."productGid", l."sku", l."title",
           l."quantity", l."price", l."totalDiscount"
      FROM jsonb_to_recordset(${linesJson}::jsonb) AS l(
        "gid" text, "position" int, "variantGid" text, "productGid" text, "sku" text, "title" text,
        "quantity" int, "price" numeric, "totalDiscount" numeric)
    ON CONFLICT (shop, gid) DO UPDATE SET
      order_gid = excluded.order_gid, position = excluded.position, variant_gid = excluded.variant_gid,
      product_gid = excluded.product_gid, sku = excluded.sku, title = excluded.title,
      quantity = excluded.quantity, price = excluded.price, total_discount = excluded.total_discount`);
  // Lines removed by an order edit.
  await tx.execute(sql`
    DELETE FROM ${orderLineItems}
     WHERE shop = ${shop} AND order_gid = ${order.gid}
       AND NOT (gid = ANY(${sql.param(lines.map((l) => l.gid))}::text[]))`);
  if (!header.companyLocationGid) return { applied: true, rows: 1 + lines.length };
  // The order moves the location's quota usage: mark it for the constraint sync in the same
  // transaction, so the mark exists exactly when the order does.
  await markConstraintsDirty(tx, shop, header.companyLocationGid);
  return { applied: true, rows: 1 + lines.length, constraintsChanged: true };
}
