import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { cartDrafts, cartGroups, cartLines, type CartDraftRow, type CartGroupRow, type CartGroupStatus, type CartLineRow } from '../db/schema';
import type { CartRequest } from '../domain/carts/cartRequest';
import type { PreparedLine } from '../domain/carts/prepareCart';
import { reservationMoved } from '../domain/carts/reservation';
import { formatMoney, type Money } from '../domain/money/decimal';
import { markConstraintsDirty } from './constraintDirtyMarks';

export type RecordCartResult =
  | { outcome: 'created'; group: CartGroupRow }
  | { outcome: 'existing'; group: CartGroupRow }
  /** The key was used with another body. */
  | { outcome: 'conflict'; group: CartGroupRow };

const m = (v: Money | null) => (v === null ? null : formatMoney(v));

/** Cart groups, their lines and their drafts. */
export function createCartRepository(db: Db) {
  const pool = db.$client;

  /**
   * Runs `update` in a transaction holding the group's row, and marks the group's company
   * location dirty when going to `status` moves the reservation. `status` undefined: unchanged.
   */
  async function withReservationMark(id: string, status: string | undefined, update: (tx: Tx) => Promise<unknown>): Promise<void> {
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ status: cartGroups.status, shop: cartGroups.shop, companyLocationGid: cartGroups.companyLocationGid })
        .from(cartGroups)
        .where(eq(cartGroups.id, id))
        .for('update');
      await update(tx);
      if (before?.companyLocationGid && status !== undefined && reservationMoved(before.status, status)) await markConstraintsDirty(tx, before.shop, before.companyLocationGid);
    });
  }

  return {
    /**
     * Records a submitted cart and its lines in one transaction, once per (shop,
     * Idempotency-Key): a repeat with the same body finds the first group, a repeat with
     * another body is a conflict.
     */
    async record(input: { id: string; workflowId: string; idempotencyKey: string; requestHash: string; cart: CartRequest }): Promise<RecordCartResult> {
      const { cart } = input;
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(cartGroups)
          .values({
            id: input.id,
            shop: cart.shop,
            idempotencyKey: input.idempotencyKey,
            requestHash: input.requestHash,
            workflowId: input.workflowId,
            companyLocationGid: cart.companyLocationId,
            companyContactGid: cart.companyContactId,
            email: cart.email,
            poNumber: cart.poNumber,
            note: cart.note,
            shippingAddress: cart.shippingAddress,
            shipping: cart.shipping,
            lineCount: cart.lines.length,
          })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 0) {
          const [existing] = await tx
            .select()
            .from(cartGroups)
            .where(and(eq(cartGroups.shop, cart.shop), eq(cartGroups.idempotencyKey, input.idempotencyKey)));
          if (!existing) throw new Error(`cart ${input.idempotencyKey} conflicted but cannot be read`);
          return { outcome: existing.requestHash === input.requestHash ? 'existing' : 'conflict', group: existing };
        }
        // 10,000 lines in one statement: arrays, not 10,000 VALUES tuples.
        await tx.execute(sql`
          INSERT INTO cart_lines (group_id, line_no, sku, variant_gid, quantity)
          SELECT ${input.id}::uuid, n - 1, sku, variant_gid, quantity
            FROM unnest(${sql.param(cart.lines.map((l) => l.sku ?? null))}::text[], ${sql.param(cart.lines.map((l) => l.variantId ?? null))}::text[], ${sql.param(cart.lines.map((l) => l.quantity))}::int[])
                 WITH ORDINALITY AS l(sku, variant_gid, quantity, n)`);
        return { outcome: 'created', group: inserted[0]! };
      });
    },

    async get(id: string): Promise<CartGroupRow | undefined> {
      const [row] = await db.select().from(cartGroups).where(eq(cartGroups.id, id));
      return row;
    },

    async lines(id: string): Promise<CartLineRow[]> {
      return db.select().from(cartLines).where(eq(cartLines.groupId, id)).orderBy(asc(cartLines.lineNo));
    },

    /** The lines of one planned draft, in cart order. */
    async linesOfDraft(id: string, draftIndex: number): Promise<CartLineRow[]> {
      return db
        .select()
        .from(cartLines)
        .where(and(eq(cartLines.groupId, id), eq(cartLines.draftIndex, draftIndex)))
        .orderBy(asc(cartLines.lineNo));
    },

    async drafts(id: string): Promise<CartDraftRow[]> {
      return db.select().from(cartDrafts).where(eq(cartDrafts.groupId, id)).orderBy(asc(cartDrafts.draftIndex));
    },

    async draft(id: string, index: number): Promise<CartDraftRow | undefined> {
      const [row] = await db
        .select()
        .from(cartDrafts)
        .where(and(eq(cartDrafts.groupId, id), eq(cartDrafts.draftIndex, index)));
      return row;
    },

    /**
     * Sets the group's status. A status that takes or gives back the cart's reservation
     * (reservation.ts) marks its company location for the constraint sync in the same
     * transaction: checkout must see quota and credit the cart holds, or no longer holds.
     */
    async setStatus(id: string, status: CartGroupStatus, extra: Partial<Pick<CartGroupRow, 'error' | 'approvalDecision' | 'approvalDeadline' | 'reminderSentAt'>> = {}): Promise<void> {
      const final = ['completed', 'invalid', 'rejected', 'expired', 'failed'].includes(status);
      await withReservationMark(id, status, (tx) =>
        tx
          .update(cartGroups)
          .set({ status, ...extra, updatedAt: sql`now()`, ...(final ? { finishedAt: sql`now()` } : {}) })
          .where(eq(cartGroups.id, id)),
      );
    },

    /** Writes the prepared lines (one statement) and the group's plan, totals and approval requirement. */
    async savePrepared(
      id: string,
      lines: readonly PreparedLine[],
      group: Partial<Pick<CartGroupRow, 'status' | 'plan' | 'subtotal' | 'discountTotal' | 'shippingTotal' | 'total' | 'currencyCode' | 'approvalRequired' | 'approvalReason' | 'error'>>,
    ): Promise<void> {
      await withReservationMark(id, group.status, async (tx) => {
        await tx.execute(sql`
          UPDATE cart_lines c SET sku = l.sku, variant_gid = l.variant_gid, title = l.title, list_price = l.list_price,
                 unit_price = l.unit_price, discount_per_unit = l.discount_per_unit, location_gid = l.location_gid,
                 backordered = l.backordered, draft_index = l.draft_index, problem = l.problem
            FROM unnest(${sql.param(lines.map((l) => l.lineNo))}::int[], ${sql.param(lines.map((l) => l.sku))}::text[], ${sql.param(lines.map((l) => l.variantGid))}::text[],
                        ${sql.param(lines.map((l) => l.title))}::text[], ${sql.param(lines.map((l) => m(l.listPrice)))}::numeric[], ${sql.param(lines.map((l) => m(l.unitPrice)))}::numeric[],
                        ${sql.param(lines.map((l) => m(l.discountPerUnit)))}::numeric[], ${sql.param(lines.map((l) => l.locationGid))}::text[], ${sql.param(lines.map((l) => l.backordered))}::boolean[],
                        ${sql.param(lines.map((l) => l.draftIndex))}::int[], ${sql.param(lines.map((l) => l.problem))}::text[])
                 AS l(line_no, sku, variant_gid, title, list_price, unit_price, discount_per_unit, location_gid, backordered, draft_index, problem)
           WHERE c.group_id = ${id}::uuid AND c.line_no = l.line_no`);
        await tx
          .update(cartGroups)
          .set({ ...group, updatedAt: sql`now()` })
          .where(eq(cartGroups.id, id));
      });
    },

    /** The (group, index) record, created before the first draftOrderCreate is sent; counts attempts. */
    async beginDraft(id: string, index: number, lineCount: number): Promise<CartDraftRow> {
      const [row] = await db
        .insert(cartDrafts)
        .values({ groupId: id, draftIndex: index, lineCount, attempts: 1 })
        .onConflictDoUpdate({ target: [cartDrafts.groupId, cartDrafts.draftIndex], set: { attempts: sql`${cartDrafts.attempts} + 1`, updatedAt: sql`now()` } })
        .returning();
      return row!;
    },

    /**
     * Records the draft created for (group, index) — only if none is recorded and the group's
     * drafts are not being deleted. False: another attempt got there first (or compensation
     * ran): the caller's draft is surplus and must go.
     */
    async draftCreated(id: string, index: number, draft: { gid: string; name: string; total: string | null }): Promise<boolean> {
      const updated = await db
        .update(cartDrafts)
        .set({ status: 'created', draftOrderGid: draft.gid, name: draft.name, total: draft.total, updatedAt: sql`now()` })
        .where(and(eq(cartDrafts.groupId, id), eq(cartDrafts.draftIndex, index), sql`(${cartDrafts.draftOrderGid} IS NULL OR ${cartDrafts.draftOrderGid} = ${draft.gid})`, sql`${cartDrafts.status} <> 'deleted'`))
        .returning({ gid: cartDrafts.draftOrderGid });
      return updated.length > 0;
    },

    async draftStatus(id: string, index: number, status: 'completed' | 'invoiced' | 'deleted', orderGid?: string | null): Promise<void> {
      await db
        .update(cartDrafts)
        .set({ status, ...(orderGid !== undefined ? { orderGid } : {}), updatedAt: sql`now()` })
        .where(and(eq(cartDrafts.groupId, id), eq(cartDrafts.draftIndex, index)));
    },

    /**
     * A decision sent to the workflow, recorded at once so the approvals page stops
     * offering the cart; the workflow's own record (the first decision it received) replaces it.
     */
    async decisionSent(id: string, decision: unknown): Promise<void> {
      await db
        .update(cartGroups)
        .set({ approvalDecision: decision, updatedAt: sql`now()` })
        .where(and(eq(cartGroups.id, id), sql`${cartGroups.approvalDecision} IS NULL`));
    },

    /** "Company — location" as the webhooks recorded them, or the location's GID. */
    async buyerName(id: string): Promise<string> {
      const { rows } = await pool.query<{ name: string }>(
        `SELECT coalesce(c.name || ' — ' || l.name, l.name, g.company_location_gid) AS name
           FROM cart_groups g
           LEFT JOIN company_locations l ON l.shop = g.shop AND l.gid = g.company_location_gid
           LEFT JOIN companies c ON c.shop = l.shop AND c.gid = l.company_gid
          WHERE g.id = $1`,
        [id],
      );
      return rows[0]?.name ?? id;
    },

    /** Groups waiting for an approver who may approve them (assigned to their company location). */
    async pendingFor(approverId: string): Promise<CartGroupRow[]> {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT g.id FROM cart_groups g JOIN approvers a ON a.shop = g.shop
           JOIN approver_locations al ON al.approver_id = a.id AND al.company_location_gid = g.company_location_gid
          WHERE a.id = $1 AND g.status = 'awaiting_approval' AND g.approval_decision IS NULL ORDER BY g.created_at`,
        [approverId],
      );
      const groups = await Promise.all(rows.map((r) => this.get(r.id)));
      return groups.filter((g): g is CartGroupRow => g !== undefined);
    },
  };
}

export type CartRepository = ReturnType<typeof createCartRepository>;
