import { randomUUID } from 'node:crypto';
import { existingVariantIndex } from '../../catalog/catalogLookup';
import { productTitle, productVendor, variantPrice, variantSku, variantTitle } from '../../catalog/catalogValues';
import { parseDraftOrderInput, type DraftInputContext, type DraftPatch, type NewLine } from '../../draftOrders/draftOrderInput';
import type { DraftChange } from '../../draftOrders/draftOrderBook';
import { draftOrderFilter } from '../../draftOrders/draftOrderSearch';
import { draftOrderView, orderView } from '../../draftOrders/draftOrderViews';
import { gidNumber, makeGid } from '../../support/gid';
import { parseMoney } from '../../support/money';
import { isoSeconds } from '../../support/time';
import { arrayNodeList, toConnection, type PageArgs } from '../connections';
import type { RequestContext, RootResolver } from '../requestContext';
import { draftContext } from './lookups';

function inputContext(ctx: RequestContext): DraftInputContext {
  const catalog = ctx.shop.catalog;
  return {
    newUuid: randomUUID,
    variant(gid) {
      const k = existingVariantIndex(catalog, gid);
      if (k === undefined) return undefined;
      const i = Math.floor(k / catalog.spec.variantsPerProduct);
      return {
        index: k,
        productIndex: i,
        priceCents: parseMoney(variantPrice(catalog, k).price)!,
        productTitle: productTitle(catalog, i),
        variantTitle: variantTitle(catalog, k),
        sku: variantSku(catalog, k),
        vendor: productVendor(catalog, i),
      };
    },
  };
}

const draftId = (gid: unknown): number => gidNumber(String(gid), 'DraftOrder') ?? -1;

/** Metafields given in `DraftOrderInput.metafields` are written with the draft. */
function writeDraftMetafields(ctx: RequestContext, draftGid: string, patch: DraftPatch): void {
  for (const mf of patch.metafields ?? []) {
    ctx.shop.metafields.put({ ownerId: draftGid, ownerType: 'DRAFTORDER', ...mf }, ctx.now);
  }
}

function payload(ctx: RequestContext, change: DraftChange): Record<string, unknown> {
  return change.outcome === 'ok' ? { draftOrder: draftOrderView(change.draft, draftContext(ctx)), userErrors: [] } : { draftOrder: null, userErrors: change.userErrors };
}

export const draftOrderQueries: Record<string, RootResolver> = {
  draftOrder: (args, ctx) => {
    const draft = ctx.shop.drafts.get(draftId(args.id));
    return draft ? draftOrderView(draft, draftContext(ctx)) : null;
  },
  draftOrders: (args, ctx) => {
    const matches = ctx.shop.drafts.all().filter(draftOrderFilter(args.query as string | null));
    const views = matches.map((draft) => draftOrderView(draft, draftContext(ctx)));
    return toConnection(arrayNodeList(views, (_v, i) => matches[i]!.id).page(args as PageArgs));
  },
  order: (args, ctx) => {
    const order = ctx.shop.drafts.order(gidNumber(String(args.id), 'Order') ?? -1);
    return order ? orderView(order, draftContext(ctx)) : null;
  },
};

export const draftOrderMutations: Record<string, RootResolver> = {
  draftOrderCreate: (args, ctx) => {
    const parsed = parseDraftOrderInput(args.input as Record<string, unknown>, inputContext(ctx), 'create');
    if (!parsed.ok) return { draftOrder: null, userErrors: parsed.userErrors };
    const draft = ctx.shop.drafts.create(parsed.patch, ctx.now);
    writeDraftMetafields(ctx, makeGid('DraftOrder', draft.id), parsed.patch);
    return payload(ctx, { outcome: 'ok', draft });
  },

  draftOrderUpdate: (args, ctx) => {
    const id = draftId(args.id);
    const existing = ctx.shop.drafts.get(id);
    const current: NewLine[] = existing?.lines ?? [];
    const parsed = parseDraftOrderInput(args.input as Record<string, unknown>, inputContext(ctx), 'update', current);
    if (!parsed.ok) return { draftOrder: null, userErrors: parsed.userErrors };
    const change = ctx.shop.drafts.update(id, parsed.patch, ctx.now);
    if (change.outcome === 'ok') writeDraftMetafields(ctx, makeGid('DraftOrder', id), parsed.patch);
    return payload(ctx, change);
  },

  draftOrderComplete: (args, ctx) =>
    payload(ctx, ctx.shop.drafts.complete(draftId(args.id), { paymentPending: args.paymentPending === true, sourceName: (args.sourceName as string | null) ?? null }, ctx.now)),

  draftOrderInvoiceSend: (args, ctx) => {
    const id = draftId(args.id);
    const draft = ctx.shop.drafts.get(id);
    const email = (args.email as Record<string, string | null> | null) ?? null;
    const to = email?.to ?? draft?.email ?? null;
    if (draft && !to) return { draftOrder: null, userErrors: [{ field: ['email', 'to'], message: "To can't be blank" }] };
    const change = ctx.shop.drafts.markInvoiceSent(id, ctx.now);
    if (change.outcome === 'ok') {
      ctx.shop.invoices.push({ draftOrderId: makeGid('DraftOrder', id), to, subject: email?.subject ?? null, customMessage: email?.customMessage ?? null, sentAt: isoSeconds(ctx.now) });
    }
    return payload(ctx, change);
  },

  draftOrderDelete: (args, ctx) => {
    const id = draftId((args.input as { id: string }).id);
    const change = ctx.shop.drafts.delete(id);
    if (change.outcome === 'rejected') return { deletedId: null, userErrors: change.userErrors };
    ctx.shop.metafields.deleteOwner(makeGid('DraftOrder', id));
    return { deletedId: makeGid('DraftOrder', id), userErrors: [] };
  },
};
