import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  companies,
  companyLocations,
  complianceRequests,
  customers,
  inventoryLevels,
  locations,
  orderLineItems,
  orders,
  productVariants,
  products,
  shops,
  webhookInbox,
} from '../db/schema';
import type { CustomerPrivacyRequest } from '../shopify/payloads/compliance';
import type { WriteResult } from './orderWriter';

interface RequestContext {
  shop: string;
  topic: string;
  webhookId: string;
}

export async function markShopUninstalled(tx: DbOrTx, shop: string, eventAt: Date): Promise<WriteResult> {
  await tx
    .insert(shops)
    .values({ domain: shop, uninstalledAt: eventAt })
    // The token died with the install; keeping it would only be a liability.
    .onConflictDoUpdate({ target: shops.domain, set: { uninstalledAt: eventAt, accessToken: null, updatedAt: sql`now()` } });
  return { applied: true, rows: 1 };
}

/** What we hold on one customer: their record and their orders' references and totals. */
async function heldCustomerData(tx: DbOrTx, shop: string, request: CustomerPrivacyRequest) {
  const [customer] = await tx
    .select({ gid: customers.gid, email: customers.email, firstName: customers.firstName, lastName: customers.lastName, phone: customers.phone })
    .from(customers)
    .where(and(eq(customers.shop, shop), eq(customers.gid, request.customerGid)));
  const orderFilter = request.orderGids.length
    ? or(eq(orders.customerGid, request.customerGid), inArray(orders.gid, request.orderGids))
    : eq(orders.customerGid, request.customerGid);
  const heldOrders = await tx
    .select({ gid: orders.gid, name: orders.name, email: orders.email, totalPrice: orders.totalPrice, currency: orders.currency })
    .from(orders)
    .where(and(eq(orders.shop, shop), orderFilter));
  return { customer: customer ?? null, orders: heldOrders };
}

/** `customers/data_request`: record what we hold so the merchant can hand it over. */
export async function recordCustomerDataRequest(tx: DbOrTx, ctx: RequestContext, request: CustomerPrivacyRequest): Promise<WriteResult> {
  const held = await heldCustomerData(tx, ctx.shop, request);
  await tx
    .insert(complianceRequests)
    .values({
      ...ctx,
      customerGid: request.customerGid,
      heldData: held,
      actionSummary: { action: 'reported', dataRequestId: request.dataRequestId, orders: held.orders.length },
    })
    .onConflictDoNothing({ target: complianceRequests.webhookId });
  return { applied: true, rows: 1 };
}

/** `customers/redact`: erase the person from the customer row and from the named orders. */
export async function redactCustomer(tx: DbOrTx, ctx: RequestContext, request: CustomerPrivacyRequest): Promise<WriteResult> {
  const customerRows = await tx
    .update(customers)
    .set({ email: null, firstName: null, lastName: null, phone: null, tags: sql`'{}'`, deletedAt: sql`coalesce(${customers.deletedAt}, now())` })
    .where(and(eq(customers.shop, ctx.shop), eq(customers.gid, request.customerGid)))
    .returning({ gid: customers.gid });
  const orderFilter = request.orderGids.length
    ? or(eq(orders.customerGid, request.customerGid), inArray(orders.gid, request.orderGids))
    : eq(orders.customerGid, request.customerGid);
  const orderRows = await tx
    .update(orders)
    .set({ email: null, customerGid: null })
    .where(and(eq(orders.shop, ctx.shop), orderFilter))
    .returning({ gid: orders.gid });
  await tx
    .insert(complianceRequests)
    .values({
      ...ctx,
      customerGid: request.customerGid,
      actionSummary: { action: 'redacted', customers: customerRows.length, orders: orderRows.length },
    })
    .onConflictDoNothing({ target: complianceRequests.webhookId });
  return { applied: true, rows: customerRows.length + orderRows.length };
}

const SHOP_TABLES = [orderLineItems, orders, inventoryLevels, productVariants, products, locations, companyLocations, companies, customers] as const;

/**
 * `shop/redact` (48 hours after uninstall): delete everything we hold for the shop,
 * including stored webhook payloads. The redact event's own row stays, as the record of
 * the request.
 */
export async function redactShop(tx: DbOrTx, ctx: RequestContext): Promise<WriteResult> {
  let rows = 0;
  for (const table of SHOP_TABLES) {
    const deleted = await tx.delete(table).where(eq(table.shop, ctx.shop));
    rows += deleted.rowCount ?? 0;
  }
  const inbox = await tx
    .delete(webhookInbox)
    .where(and(eq(webhookInbox.shop, ctx.shop), ne(webhookInbox.webhookId, ctx.webhookId)));
  rows += inbox.rowCount ?? 0;
  await tx
    .insert(shops)
    .values({ domain: ctx.shop, redactedAt: sql`now()` })
    .onConflictDoUpdate({ target: shops.domain, set: { redactedAt: sql`now()`, updatedAt: sql`now()` } });
  await tx
    .insert(complianceRequests)
    .values({ ...ctx, actionSummary: { action: 'shop_redacted', rowsDeleted: rows } })
    .onConflictDoNothing({ target: complianceRequests.webhookId });
  return { applied: true, rows };
}
