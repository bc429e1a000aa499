import { add, parseMoney, sum, times, ZERO, type Money } from '../money/decimal';
import { approvalRequirement, type ApprovalRequirement, type ApprovalSettings } from './approvalPolicy';
import type { CartLine } from './cartRequest';
import { priceLine, type PriceBreak } from './pricing';
import { routeLines, type StockByItem } from './routing';
import { planSplit, type SplitPlan } from './splitPlan';

/**
 * A cart from submitted lines to a split plan, as one pure function over what one batch of
 * queries loaded: resolve each line to a live variant of an active product, price it
 * (negotiated price per company location and quantity break), route it to a warehouse, and
 * split the lines into drafts. Every line problem is reported, not just the first.
 */
export interface CatalogVariant {
  variantGid: string;
  sku: string | null;
  title: string;
  listPrice: Money;
  inventoryItemGid: string | null;
  productActive: boolean;
}

export interface CartContext {
  bySku: ReadonlyMap<string, CatalogVariant>;
  byGid: ReadonlyMap<string, CatalogVariant>;
  /** Negotiated price breaks of the company location, by variant GID. */
  breaks: ReadonlyMap<string, readonly PriceBreak[]>;
  /** routing.candidateWarehouses: in preference order; null when Shopify routes. */
  warehouses: readonly string[] | null;
  stock: StockByItem;
  approval: ApprovalSettings;
  maxLinesPerDraft: number;
  /** Freight for the whole cart (charged once), or none. */
  shippingPrice: Money | null;
  /** The shop currency's decimal places (money.currencyDigits). */
  currencyDigits: number;
}

export interface PreparedLine {
  lineNo: number;
  sku: string | null;
  variantGid: string | null;
  quantity: number;
  title: string | null;
  listPrice: Money | null;
  unitPrice: Money | null;
  discountPerUnit: Money | null;
  locationGid: string | null;
  backordered: boolean;
  draftIndex: number | null;
  problem: string | null;
}

export interface CartTotals {
  subtotal: Money;
  discountTotal: Money;
  shippingTotal: Money;
  total: Money;
}

export type PreparedCart =
  | { valid: false; lines: PreparedLine[]; problems: { lineNo: number; message: string }[] }
  | { valid: true; lines: PreparedLine[]; plan: SplitPlan; totals: CartTotals; approval: ApprovalRequirement };

/** A line that will not be ordered: as submitted, with why. */
export function problemLine(line: { lineNo: number; sku: string | null; variantGid: string | null; quantity: number; title: string | null; problem: string | null }): PreparedLine {
  return { ...line, listPrice: null, unitPrice: null, discountPerUnit: null, locationGid: null, backordered: false, draftIndex: null };
}

function resolve(line: CartLine, ctx: CartContext): { variant: CatalogVariant } | { problem: string } {
  const variant = line.sku !== undefined ? ctx.bySku.get(line.sku) : ctx.byGid.get(line.variantId);
  const name = line.sku !== undefined ? `SKU ${line.sku}` : `variant ${line.variantId}`;
  if (!variant) return { problem: `${name} is not in the catalog` };
  if (!variant.productActive) return { problem: `${name} belongs to a product that is not active` };
  return { variant };
}

export function prepareCart(cartLines: readonly CartLine[], ctx: CartContext): PreparedCart {
  const resolved = cartLines.map((line) => resolve(line, ctx));
  const problems = resolved.flatMap((r, lineNo) => ('problem' in r ? [{ lineNo, message: r.problem }] : []));
  if (problems.length > 0) {
    const lines = cartLines.map((line, lineNo) => {
      const r = resolved[lineNo]!;
      const variant = 'variant' in r ? r.variant : undefined;
      return problemLine({
        lineNo,
        sku: line.sku ?? variant?.sku ?? null,
        variantGid: variant?.variantGid ?? line.variantId ?? null,
        quantity: line.quantity,
        title: variant?.title ?? null,
        problem: 'problem' in r ? r.problem : null,
      });
    });
    return { valid: false, lines, problems };
  }

  const variants = resolved.map((r) => (r as { variant: CatalogVariant }).variant);
  const assignments = routeLines(
    variants.map((v, i) => ({ inventoryItemGid: v.inventoryItemGid, quantity: cartLines[i]!.quantity })),
    ctx.warehouses ?? [],
    ctx.stock,
  );
  const plan = planSplit(
    assignments.map((a) => a.locationGid),
    ctx.maxLinesPerDraft,
  );
  const draftOf = new Array<number>(cartLines.length);
  for (const draft of plan.drafts) for (const i of draft.lineIndexes) draftOf[i] = draft.index;

  const lines = cartLines.map((line, lineNo): PreparedLine => {
    const variant = variants[lineNo]!;
    const price = priceLine(variant.listPrice, ctx.breaks.get(variant.variantGid) ?? [], line.quantity, ctx.currencyDigits);
    return {
      lineNo,
      sku: variant.sku,
      variantGid: variant.variantGid,
      quantity: line.quantity,
      title: variant.title,
      listPrice: price.listPrice,
      unitPrice: price.unitPrice,
      discountPerUnit: price.discountPerUnit,
      locationGid: assignments[lineNo]!.locationGid,
      backordered: assignments[lineNo]!.backordered,
      draftIndex: draftOf[lineNo]!,
      problem: null,
    };
  });
  const subtotal = sum(lines.map((l) => times(l.listPrice!, l.quantity)));
  const discountTotal = sum(lines.map((l) => times(l.discountPerUnit!, l.quantity)));
  const shippingTotal = ctx.shippingPrice ?? ZERO;
  const total = add((subtotal - discountTotal) as Money, shippingTotal);
  return { valid: true, lines, plan, totals: { subtotal, discountTotal, shippingTotal, total }, approval: approvalRequirement(ctx.approval, total) };
}

export const moneyOrNull = (value: string | null | undefined): Money | null => (value == null ? null : parseMoney(value));
