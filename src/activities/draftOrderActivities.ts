import { ApplicationFailure, Context } from '@temporalio/activity';
import type pg from 'pg';
import type { CartGroupRow, CartGroupStatus } from '../db/schema';
import type { CartLine } from '../domain/carts/cartRequest';
import { chunkTag, draftOrderInput, groupTag, siblingMetafields } from '../domain/carts/draftInput';
import { prepareCart, problemLine } from '../domain/carts/prepareCart';
import { formatMoney, parseMoney, type Money } from '../domain/money/decimal';
import type { Logger } from '../logger';
import type { CartRepository } from '../repositories/cartRepository';
import type { RulesRepository } from '../repositories/rulesRepository';
import { loadCartRules } from '../validation/loadCartRules';
import { validateCart } from '../domain/validation/validateCart';
import { ShopifyUserErrorsError } from '../shopify/client/errors';
import type { ShopAdminClient } from '../shopify/client/adminClient';
import { ShopNotInstalledError, type ShopClients } from '../shopify/client/shopClients';
import { AdminOperations } from '../shopify/operations';
import type { DraftOrdersByTagQuery } from '../shopify/operations/generated/admin.types';

export interface DraftOrderSettings {
  /** Lines per draft order: Shopify's limit is 499. */
  maxLinesPerDraft: number;
  /** After approval: complete every draft as an order with payment pending (net terms), or send each its invoice. */
  completion: 'payment_pending' | 'invoice';
  /**
   * Shopify's draft order search is eventually consistent: after an attempt that may have
   * created the draft, wait this long before trusting "not found" and creating it.
   */
  searchSettleMs: number;
}

export interface PlannedDraftSummary {
  index: number;
  locationGid: string | null;
  lineCount: number;
}

export type PreparedCartSummary =
  | { valid: false; problems: number }
  | {
      valid: true;
      shop: string;
      companyLocationGid: string;
      drafts: PlannedDraftSummary[];
      total: string;
      approvalRequired: boolean;
      approvalReason: string | null;
    };

export interface CreatedDraft {
  index: number;
  draftOrderGid: string;
  name: string;
}

export interface DraftOrderActivities {
  prepareCart(input: { groupId: string }): Promise<PreparedCartSummary>;
  createDraftOrder(input: { groupId: string; index: number }): Promise<CreatedDraft>;
  linkDraftOrders(input: { groupId: string }): Promise<void>;
  setCartStatus(input: { groupId: string; status: CartGroupStatus; error?: string; approvalDeadline?: string; decision?: unknown }): Promise<void>;
  sendApprovalReminder(input: { groupId: string }): Promise<void>;
  completeDraftOrder(input: { groupId: string; index: number }): Promise<void>;
  deleteGroupDraftOrders(input: { groupId: string }): Promise<{ deleted: number }>;
}

export interface DraftOrderDeps {
  pool: pg.Pool;
  carts: CartRepository;
  rules: RulesRepository;
  shopify: ShopClients;
  settings: DraftOrderSettings;
  logger: Logger;
}

const DRAFT_FIELDS_PAGE = 50;
const METAFIELDS_PER_CALL = 25;

interface FoundDraft {
  id: string;
  name: string;
  status: string;
  total: string | null;
  orderId: string | null;
}

/**
 * Heartbeats every few seconds while `work` runs (waiting for the rate limit included), so
 * Temporal can tell a slow step from a dead worker; it also delivers cancellation.
 */
async function heartbeating<T>(work: () => Promise<T>): Promise<T> {
  const ctx = Context.current();
  ctx.heartbeat();
  const timer = setInterval(() => ctx.heartbeat(), 5_000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

export function createDraftOrderActivities(deps: DraftOrderDeps): DraftOrderActivities {
  const { carts, settings } = deps;
  const signal = () => Context.current().cancellationSignal;
  const clientFor = async (shop: string): Promise<ShopAdminClient> => {
    try {
      return await deps.shopify.forShop(shop);
    } catch (err) {
      if (err instanceof ShopNotInstalledError) throw ApplicationFailure.nonRetryable(err.message, err.code);
      throw err;
    }
  };
  const group = async (groupId: string): Promise<CartGroupRow> => {
    const row = await carts.get(groupId);
    if (!row) throw ApplicationFailure.nonRetryable(`cart group ${groupId} does not exist`, 'CART_GROUP_NOT_FOUND');
    return row;
  };
  /** Shopify refused the input: the same input would be refused again. */
  const refusal = (err: unknown): never => {
    if (err instanceof ShopifyUserErrorsError) throw ApplicationFailure.nonRetryable(err.message, err.code);
    throw err;
  };

  /** The draft recorded for (group, index) by whoever won; a cancelled group's step fails for good. */
  const recordedOrFail = async (groupId: string, index: number): Promise<CreatedDraft> => {
    const row = await carts.draft(groupId, index);
    if (!row?.draftOrderGid || row.status === 'deleted') throw ApplicationFailure.nonRetryable(`group ${groupId} draft ${index} is being deleted`, 'DRAFT_CANCELLED');
    return { index, draftOrderGid: row.draftOrderGid, name: row.name ?? '' };
  };

  /** Drafts carrying a tag (every page). */
  async function findByTag(client: ShopAdminClient, tag: string): Promise<FoundDraft[]> {
    const found: FoundDraft[] = [];
    let after: string | null = null;
    for (;;) {
      const { data }: { data: DraftOrdersByTagQuery } = await client.request(AdminOperations.draftOrdersByTag, { query: `tag:${tag}`, first: DRAFT_FIELDS_PAGE, after }, { signal: signal() });
      for (const d of data.draftOrders.nodes) {
        // Search is by token; only an exact tag is ours.
        if (!d.tags.includes(tag)) continue;
        found.push({ id: d.id, name: d.name, status: d.status, total: (d.totalPriceSet.shopMoney.amount as string | null) ?? null, orderId: d.order?.id ?? null });
      }
      if (!data.draftOrders.pageInfo.hasNextPage) return found;
      after = data.draftOrders.pageInfo.endCursor ?? null;
    }
  }

  async function currencyOf(shop: string): Promise<string> {
    const { rows } = await deps.pool.query<{ currency_code: string | null }>('SELECT currency_code FROM shops WHERE domain = $1', [shop]);
    if (rows[0]?.currency_code) return rows[0].currency_code;
    const client = await clientFor(shop);
    const { data } = await client.request(AdminOperations.shopIdentity, {}, { signal: signal() });
    await deps.pool.query('UPDATE shops SET currency_code = $2 WHERE domain = $1', [shop, data.shop.currencyCode]);
    return data.shop.currencyCode;
  }

  function summary(row: CartGroupRow): PreparedCartSummary {
    if (row.status === 'invalid') return { valid: false, problems: (row.plan as { problems?: number } | null)?.problems ?? 0 };
    const plan = row.plan as { drafts: PlannedDraftSummary[] };
    return {
      valid: true,
      shop: row.shop,
      companyLocationGid: row.companyLocationGid,
      drafts: plan.drafts,
      total: row.total!,
      approvalRequired: row.approvalRequired ?? false,
      approvalReason: row.approvalReason,
    };
  }

  return {
    /**
     * Resolves, prices, routes and splits the cart from PostgreSQL alone (one batch of
     * queries, then the pure prepareCart), and stores the result. A retry after it was
     * stored returns what was stored: the plan never changes under drafts being created.
     */
    async prepareCart({ groupId }) {
      const row = await group(groupId);
      if (row.plan !== null) return summary(row);
      const lines = await carts.lines(groupId);
      const cartLines: CartLine[] = lines.map((l) => (l.variantGid && !l.sku ? { variantId: l.variantGid, quantity: l.quantity } : { sku: l.sku!, quantity: l.quantity }));
      const address = row.shippingAddress as { countryCode?: string; provinceCode?: string } | null;
      const currencyCode = await currencyOf(row.shop);
      const loaded = await loadCartRules(deps.rules, { shop: row.shop, companyLocationGid: row.companyLocationGid, shippingAddress: address, lines: cartLines, currencyCode, groupId });
      // The same engine as POST /validate/cart: every rule, every error.
      const verdict = validateCart(loaded.validation);
      if (!verdict.valid) {
        const byLine = new Map<number, string[]>();
        for (const e of verdict.errors) if (e.lineIndex !== null) byLine.set(e.lineIndex, [...(byLine.get(e.lineIndex) ?? []), e.message]);
        const problemLines = lines.map((l) =>
          problemLine({ lineNo: l.lineNo, sku: l.sku, variantGid: l.variantGid, quantity: l.quantity, title: null, problem: byLine.get(l.lineNo)?.join('; ') ?? null }),
        );
        const cartWide = verdict.errors.filter((e) => e.lineIndex === null).map((e) => e.message);
        await carts.savePrepared(groupId, problemLines, {
          status: 'invalid',
          plan: { problems: verdict.errors.length, errors: verdict.errors.slice(0, 100) },
          error: `${verdict.errors.length} validation error(s); first: ${verdict.errors[0]!.message}${cartWide.length > 0 ? `; cart: ${cartWide.join('; ')}` : ''}`,
        });
        return { valid: false, problems: verdict.errors.length };
      }
      const shipping = row.shipping as { title: string; price: string } | null;
      const prepared = prepareCart(cartLines, {
        bySku: new Map(loaded.catalog.filter((v) => v.sku).map((v) => [v.sku!, v])),
        byGid: new Map(loaded.catalog.map((v) => [v.variantGid, v])),
        breaks: loaded.breaks,
        warehouses: loaded.validation.warehouses,
        stock: loaded.stock,
        approval: { requiresApproval: loaded.settings.requiresApproval, approvalThreshold: loaded.settings.approvalThreshold },
        maxLinesPerDraft: settings.maxLinesPerDraft,
        shippingPrice: shipping ? parseMoney(shipping.price) : null,
        currencyDigits: loaded.validation.currencyDigits,
      });
      if (!prepared.valid) {
        await carts.savePrepared(groupId, prepared.lines, {
          status: 'invalid',
          plan: { problems: prepared.problems.length },
          error: `${prepared.problems.length} line(s) cannot be ordered; first: line ${prepared.problems[0]!.lineNo + 1}: ${prepared.problems[0]!.message}`,
        });
        return { valid: false, problems: prepared.problems.length };
      }
      const drafts: PlannedDraftSummary[] = prepared.plan.drafts.map((d) => ({ index: d.index, locationGid: d.locationGid, lineCount: d.lineIndexes.length }));
      const t = prepared.totals;
      await carts.savePrepared(groupId, prepared.lines, {
        status: 'creating',
        plan: { maxLinesPerDraft: prepared.plan.maxLinesPerDraft, drafts },
        subtotal: formatMoney(t.subtotal),
        discountTotal: formatMoney(t.discountTotal),
        shippingTotal: formatMoney(t.shippingTotal),
        total: formatMoney(t.total),
        currencyCode,
        approvalRequired: prepared.approval.required,
        approvalReason: prepared.approval.required ? prepared.approval.reason : null,
      });
      return summary((await group(groupId))!);
    },

    /**
     * Creates draft `index` of the group exactly once. The (group, index) row is written
     * before the mutation is sent; a later attempt that finds it without a draft ID knows the
     * earlier one may have created the draft (lost response, crash) and looks for it by its
     * chunk tag before creating another.
     */
    createDraftOrder: ({ groupId, index }) =>
      heartbeating(async () => {
      const known = await carts.draft(groupId, index);
      if (known?.draftOrderGid) return { index, draftOrderGid: known.draftOrderGid, name: known.name ?? '' };
      const row = await group(groupId);
      const plan = row.plan as { drafts: PlannedDraftSummary[] };
      const planned = plan.drafts.find((d) => d.index === index);
      if (!planned) throw ApplicationFailure.nonRetryable(`group ${groupId} has no draft ${index}`, 'DRAFT_NOT_PLANNED');
      const client = await clientFor(row.shop);
      const record = await carts.beginDraft(groupId, index, planned.lineCount);
      if (record.attempts > 1) {
        for (let look = 0; ; look++) {
          const [found] = await findByTag(client, chunkTag(groupId, index));
          if (found) {
            if (!(await carts.draftCreated(groupId, index, { gid: found.id, name: found.name, total: found.total }))) return recordedOrFail(groupId, index);
            deps.logger.info({ groupId, index, draftOrderId: found.id }, 'found the draft an earlier attempt created');
            return { index, draftOrderGid: found.id, name: found.name };
          }
          if (look > 0 || settings.searchSettleMs <= 0) break;
          await new Promise((resolve) => setTimeout(resolve, settings.searchSettleMs));
        }
      }
      const lines = await carts.linesOfDraft(groupId, index);
      const input = draftOrderInput({
        groupId,
        index,
        count: plan.drafts.length,
        currencyCode: row.currencyCode ?? 'USD',
        poNumber: row.poNumber,
        note: row.note,
        email: row.email,
        shippingAddress: row.shippingAddress as never,
        shipping: row.shipping ? { title: (row.shipping as { title: string }).title, price: parseMoney((row.shipping as { price: string }).price) } : null,
        lines: lines.map((l) => ({ variantGid: l.variantGid!, quantity: l.quantity, discountPerUnit: parseMoney(l.discountPerUnit ?? '0') as Money })),
      });
      const { data } = await client.request(AdminOperations.draftOrderCreate, { input }, { signal: signal() }).catch(refusal);
      const draft = data.draftOrderCreate?.draftOrder;
      if (!draft) throw new Error('draftOrderCreate returned no draft order');
      if (!(await carts.draftCreated(groupId, index, { gid: draft.id, name: draft.name, total: (draft.totalPriceSet.shopMoney.amount as string | null) ?? null }))) {
        // Another attempt recorded its draft first (or the group is being cancelled): ours is surplus.
        deps.logger.warn({ groupId, index, draftOrderId: draft.id }, 'deleting a surplus draft');
        await client.request(AdminOperations.draftOrderDelete, { input: { id: draft.id } }, { allowUserErrors: true });
        return recordedOrFail(groupId, index);
      }
      return { index, draftOrderGid: draft.id, name: draft.name };
    }),

    /** Each draft learns its siblings' IDs (metafield b2b.siblings), 25 per metafieldsSet. */
    async linkDraftOrders({ groupId }) {
      const row = await group(groupId);
      const gids = (await carts.drafts(groupId)).map((d) => d.draftOrderGid).filter((g): g is string => g !== null);
      if (gids.length < 2) return;
      const client = await clientFor(row.shop);
      const entries = siblingMetafields(gids);
      for (let i = 0; i < entries.length; i += METAFIELDS_PER_CALL) {
        await client.request(AdminOperations.metafieldsSet, { metafields: entries.slice(i, i + METAFIELDS_PER_CALL) }, { signal: signal(), idempotent: true }).catch(refusal);
      }
    },

    async setCartStatus({ groupId, status, error, approvalDeadline, decision }) {
      await carts.setStatus(groupId, status, {
        ...(error !== undefined ? { error } : {}),
        ...(approvalDeadline !== undefined ? { approvalDeadline: new Date(approvalDeadline) } : {}),
        ...(decision !== undefined ? { approvalDecision: decision } : {}),
      });
    },

    async sendApprovalReminder({ groupId }) {
      const row = await group(groupId);
      if (row.reminderSentAt) return;
      deps.logger.warn({ groupId, shop: row.shop, companyLocationGid: row.companyLocationGid, deadline: row.approvalDeadline }, 'cart still awaits approval');
      await carts.setStatus(groupId, row.status, { reminderSentAt: new Date() });
    },

    /** Completes (payment pending) or invoices one draft, once: a retry first checks what Shopify already did. */
    completeDraftOrder: ({ groupId, index }) =>
      heartbeating(async () => {
      const row = await group(groupId);
      const draft = await carts.draft(groupId, index);
      if (!draft?.draftOrderGid) throw ApplicationFailure.nonRetryable(`group ${groupId} draft ${index} was never created`, 'DRAFT_MISSING');
      if (draft.status === 'completed' || draft.status === 'invoiced') return;
      const client = await clientFor(row.shop);
      if (Context.current().info.attempt > 1) {
        const [found] = await findByTag(client, chunkTag(groupId, index));
        if (found?.status === 'COMPLETED') return carts.draftStatus(groupId, index, 'completed', found.orderId);
        if (found?.status === 'INVOICE_SENT' && settings.completion === 'invoice') return carts.draftStatus(groupId, index, 'invoiced');
      }
      if (settings.completion === 'invoice') {
        await client.request(AdminOperations.draftOrderInvoiceSend, { id: draft.draftOrderGid }, { signal: signal() }).catch(refusal);
        await carts.draftStatus(groupId, index, 'invoiced');
        return;
      }
      const { data } = await client.request(AdminOperations.draftOrderComplete, { id: draft.draftOrderGid, paymentPending: true }, { signal: signal(), allowUserErrors: true });
      const errors = data.draftOrderComplete?.userErrors ?? [];
      if (errors.length > 0) {
        // An earlier attempt completed it and its answer was lost (the search may lag): take the order.
        if (errors.every((e: { message: string }) => /already been completed/i.test(e.message))) {
          const [found] = await findByTag(client, chunkTag(groupId, index));
          return carts.draftStatus(groupId, index, 'completed', found?.orderId ?? null);
        }
        refusal(new ShopifyUserErrorsError('DraftOrderComplete', errors));
      }
      await carts.draftStatus(groupId, index, 'completed', data.draftOrderComplete?.draftOrder?.order?.id ?? null);
      }),

    /**
     * Compensation: deletes every draft of the group — those recorded here and any other
     * carrying the group's tag (created by an attempt whose answer was lost) — so a
     * rejected, expired or failed cart leaves nothing behind in Shopify.
     */
    deleteGroupDraftOrders: ({ groupId }) =>
      heartbeating(async () => {
      const row = await group(groupId);
      const client = await clientFor(row.shop);
      const recorded = await carts.drafts(groupId);
      const tagged = await findByTag(client, groupTag(groupId));
      const ids = new Set([...recorded.filter((d) => d.status !== 'deleted' && d.draftOrderGid).map((d) => d.draftOrderGid!), ...tagged.map((d) => d.id)]);
      let deleted = 0;
      for (const id of ids) {
        const { data } = await client.request(AdminOperations.draftOrderDelete, { input: { id } }, { signal: signal(), allowUserErrors: true });
        const errors = data.draftOrderDelete?.userErrors ?? [];
        if (errors.length > 0 && !errors.every((e: { message: string }) => /does not exist|not found/i.test(e.message))) throw new ShopifyUserErrorsError('DraftOrderDelete', errors);
        if (errors.length === 0) deleted++;
      }
      for (const d of recorded) if (d.status !== 'deleted') await carts.draftStatus(groupId, d.draftIndex, 'deleted');
      return { deleted };
      }),
  };
}
