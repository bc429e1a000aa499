import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { money, shopColumn, tstz } from './columns';

/**
 * received           recorded; the workflow starts (or is being started)
 * invalid            a line names no live, active variant (see cart_lines.problem); nothing was created
 * creating           priced and split; drafts being created in Shopify
 * awaiting_approval  every draft exists; waiting for an approver (or the deadline)
 * completing         approved (or no approval needed); drafts being completed
 * completed          every draft completed (payment pending) or invoiced
 * cancelling         rejected, expired or failed; drafts being deleted
 * rejected / expired / failed   final; no draft of the group remains in Shopify
 */
export const cartGroupStatus = pgEnum('cart_group_status', [
  'received',
  'invalid',
  'creating',
  'awaiting_approval',
  'completing',
  'completed',
  'cancelling',
  'rejected',
  'expired',
  'failed',
]);
export type CartGroupStatus = (typeof cartGroupStatus.enumValues)[number];

/** One submitted B2B cart: the group of linked draft orders it becomes. */
export const cartGroups = pgTable(
  'cart_groups',
  {
    id: uuid().primaryKey(),
    shop: shopColumn(),
    /** The client's Idempotency-Key: the same key with the same body is the same group. */
    idempotencyKey: text().notNull(),
    /** sha256 of the parsed request: the same key with another body is refused (409). */
    requestHash: text().notNull(),
    workflowId: text().notNull(),
    status: cartGroupStatus().notNull().default('received'),
    companyLocationGid: text().notNull(),
    companyContactGid: text(),
    email: text(),
    poNumber: text(),
    note: text(),
    shippingAddress: jsonb(),
    /** { title, price }: freight for the whole cart, charged once. */
    shipping: jsonb(),
    lineCount: integer().notNull(),
    subtotal: money(),
    discountTotal: money(),
    shippingTotal: money(),
    total: money(),
    currencyCode: text(),
    /** The split plan: per draft its index, warehouse and line count. */
    plan: jsonb(),
    approvalRequired: boolean(),
    approvalReason: text(),
    approvalDeadline: tstz(),
    /** { decision, approverId, approverName, comment, decidedAt } once decided. */
    approvalDecision: jsonb(),
    reminderSentAt: tstz(),
    error: text(),
    createdAt: tstz().notNull().defaultNow(),
    updatedAt: tstz().notNull().defaultNow(),
    finishedAt: tstz(),
  },
  (t) => [
    uniqueIndex('cart_groups_idempotency_idx').on(t.shop, t.idempotencyKey),
    index('cart_groups_pending_idx').on(t.shop, t.companyLocationGid).where(sql`${t.status} = 'awaiting_approval'`),
  ],
);

/** A cart's lines as submitted, then resolved, priced and routed by the workflow. */
export const cartLines = pgTable(
  'cart_lines',
  {
    groupId: uuid()
      .notNull()
      .references(() => cartGroups.id, { onDelete: 'cascade' }),
    /** 0-based position in the cart. */
    lineNo: integer().notNull(),
    sku: text(),
    variantGid: text(),
    quantity: integer().notNull(),
    title: text(),
    listPrice: money(),
    unitPrice: money(),
    discountPerUnit: money(),
    locationGid: text(),
    backordered: boolean(),
    draftIndex: integer(),
    /** Why the line cannot be ordered (unknown SKU, inactive product, …). */
    problem: text(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.lineNo] })],
);

/**
 * One draft order of a group, keyed by (group, index): the record that makes creation
 * exactly-once. `creating` is written BEFORE draftOrderCreate is sent, so a retry knows a
 * previous attempt may have created the draft and looks for it by tag before creating.
 */
export const cartDraftStatus = pgEnum('cart_draft_status', ['creating', 'created', 'completed', 'invoiced', 'deleted']);
export const cartDrafts = pgTable(
  'cart_drafts',
  {
    groupId: uuid()
      .notNull()
      .references(() => cartGroups.id, { onDelete: 'cascade' }),
    draftIndex: integer().notNull(),
    status: cartDraftStatus().notNull().default('creating'),
    draftOrderGid: text(),
    name: text(),
    orderGid: text(),
    lineCount: integer().notNull(),
    total: money(),
    attempts: integer().notNull().default(0),
    createdAt: tstz().notNull().defaultNow(),
    updatedAt: tstz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.draftIndex] }), uniqueIndex('cart_drafts_draft_order_idx').on(t.draftOrderGid)],
);

/** People who approve carts. Only the sha256 of their token is stored. */
export const approvers = pgTable(
  'approvers',
  {
    id: uuid().primaryKey(),
    shop: shopColumn(),
    name: text().notNull(),
    email: text(),
    tokenHash: text().notNull(),
    createdAt: tstz().notNull().defaultNow(),
    disabledAt: tstz(),
  },
  (t) => [uniqueIndex('approvers_token_hash_idx').on(t.tokenHash)],
);

/** Which company locations an approver may approve carts for. */
export const approverLocations = pgTable(
  'approver_locations',
  {
    approverId: uuid()
      .notNull()
      .references(() => approvers.id, { onDelete: 'cascade' }),
    companyLocationGid: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.approverId, t.companyLocationGid] })],
);

export type CartGroupRow = typeof cartGroups.$inferSelect;
export type CartLineRow = typeof cartLines.$inferSelect;
export type CartDraftRow = typeof cartDrafts.$inferSelect;
