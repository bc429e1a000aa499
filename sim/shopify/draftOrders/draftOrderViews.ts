import { variantExists, type CatalogVersion } from '../catalog/catalogSpec';
import { productView, variantView } from '../catalog/catalogViews';
import { arrayNodeList } from '../graphql/connections';
import { moneyBag, moneyV2, type View } from '../graphql/view';
import { ownerMetafieldFields } from '../metafields/metafieldViews';
import type { MetafieldStore } from '../metafields/metafieldStore';
import { makeGid } from '../support/gid';
import { formatMoney } from '../support/money';
import { isoSeconds } from '../support/time';
import type { AppliedDiscount, DraftLine, DraftOrderRecord, OrderRecord } from './draftOrderModel';
import { draftTotals, type LineTotals } from './draftOrderTotals';

/** GraphQL views of draft orders, their lines and the orders completing them. */
export interface DraftViewContext {
  catalog: CatalogVersion;
  metafields: MetafieldStore;
  appNamespace: string;
  order(id: number): OrderRecord | undefined;
  draft(id: number): DraftOrderRecord | undefined;
}

const money = (cents: number, currency: string): View => moneyBag(formatMoney(cents), currency);

function discountView(discount: AppliedDiscount | null, amountCents: number, currency: string): View | null {
  if (!discount) return null;
  return {
    __typename: 'DraftOrderAppliedDiscount',
    title: discount.title,
    description: discount.description,
    value: Number(discount.value),
    valueType: discount.valueType,
    amount: formatMoney(amountCents),
    amountV2: moneyV2(formatMoney(amountCents), currency),
    amountSet: money(amountCents, currency),
  };
}

function lineCatalogFields(line: DraftLine, ctx: DraftViewContext): { variant: () => View | null; product: () => View | null } {
  const live = line.variantIndex !== null && variantExists(ctx.catalog, line.variantIndex);
  return {
    variant: () => (live ? variantView(ctx.catalog, line.variantIndex!) : null),
    product: () => (live ? productView(ctx.catalog, line.productIndex!) : null),
  };
}

function commonLineFields(line: DraftLine, totals: LineTotals, currency: string): Record<string, unknown> {
  const unitAfter = line.quantity > 0 ? Math.round(totals.discountedTotal / line.quantity) : line.unitPriceCents;
  return {
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    vendor: line.vendor,
    quantity: line.quantity,
    requiresShipping: line.requiresShipping,
    taxable: line.taxable,
    isGiftCard: false,
    customAttributes: line.customAttributes.map((a) => ({ __typename: 'Attribute', ...a })),
    taxLines: [],
    weight: null,
    originalUnitPrice: formatMoney(line.unitPriceCents),
    originalUnitPriceSet: money(line.unitPriceCents, currency),
    originalTotal: formatMoney(totals.originalTotal),
    originalTotalSet: money(totals.originalTotal, currency),
    discountedTotal: formatMoney(totals.discountedTotal),
    discountedTotalSet: money(totals.discountedTotal, currency),
    discountedUnitPrice: formatMoney(unitAfter),
    discountedUnitPriceSet: money(unitAfter, currency),
    totalDiscount: formatMoney(totals.discount),
    totalDiscountSet: money(totals.discount, currency),
  };
}

export function draftLineView(line: DraftLine, totals: LineTotals, currency: string, ctx: DraftViewContext): View {
  return {
    __typename: 'DraftOrderLineItem',
    id: makeGid('DraftOrderLineItem', line.id),
    uuid: line.uuid,
    custom: line.variantIndex === null,
    appliedDiscount: discountView(line.discount, totals.discount, currency),
    approximateDiscountedUnitPriceSet: money(line.quantity > 0 ? Math.round(totals.discountedTotal / line.quantity) : 0, currency),
    originalUnitPriceWithCurrency: moneyV2(formatMoney(line.unitPriceCents), currency),
    priceOverride: line.priceOverridden ? moneyV2(formatMoney(line.unitPriceCents), currency) : null,
    components: [],
    bundleComponents: [],
    customAttributesV2: [],
    image: null,
    fulfillmentService: null,
    grams: 0,
    ...commonLineFields(line, totals, currency),
    ...lineCatalogFields(line, ctx),
  };
}

/** Amount fields shared by DraftOrder and Order. */
function amountFields(draft: DraftOrderRecord): Record<string, unknown> {
  const t = draftTotals(draft);
  const c = draft.currencyCode;
  return {
    currencyCode: c,
    presentmentCurrencyCode: c,
    subtotalPrice: formatMoney(t.subtotal),
    subtotalPriceSet: money(t.subtotal, c),
    totalPrice: formatMoney(t.total),
    totalPriceSet: money(t.total, c),
    totalDiscountsSet: money(t.totalDiscounts, c),
    totalShippingPrice: formatMoney(t.shipping),
    totalShippingPriceSet: money(t.shipping, c),
    totalTax: formatMoney(t.tax),
    totalTaxSet: money(t.tax, c),
    taxLines: [],
    taxExempt: draft.taxExempt,
    taxesIncluded: false,
    tags: draft.tags,
    poNumber: draft.poNumber,
    email: draft.email,
    phone: draft.phone,
    customAttributes: draft.customAttributes.map((a) => ({ __typename: 'Attribute', ...a })),
    billingAddress: null,
    shippingAddress: null,
    customer: null,
    purchasingEntity: null,
    paymentTerms: null,
    totalWeight: '0',
    shippingLine: draft.shippingLine
      ? {
          __typename: 'ShippingLine',
          id: null,
          title: draft.shippingLine.title,
          code: draft.shippingLine.title,
          custom: draft.shippingLine.shippingRateHandle === null,
          shippingRateHandle: draft.shippingLine.shippingRateHandle,
          price: formatMoney(draft.shippingLine.priceCents),
          originalPriceSet: money(draft.shippingLine.priceCents, c),
          discountedPriceSet: money(draft.shippingLine.priceCents, c),
          currentDiscountedPriceSet: money(draft.shippingLine.priceCents, c),
          taxLines: [],
          discountAllocations: [],
          isRemoved: false,
          source: null,
          carrierIdentifier: null,
          deliveryCategory: null,
          phone: null,
        }
      : null,
  };
}

export function draftOrderView(draft: DraftOrderRecord, ctx: DraftViewContext): View {
  const gid = makeGid('DraftOrder', draft.id);
  const t = draftTotals(draft);
  const c = draft.currencyCode;
  return {
    __typename: 'DraftOrder',
    id: gid,
    legacyResourceId: String(draft.id),
    defaultCursor: Buffer.from(JSON.stringify({ k: draft.id })).toString('base64url'),
    name: draft.name,
    status: draft.status,
    ready: true,
    note2: draft.note,
    visibleToCustomer: draft.visibleToCustomer,
    allowDiscountCodesInCheckout: false,
    acceptAutomaticDiscounts: null,
    discountCodes: [],
    platformDiscounts: [],
    warnings: [],
    hasTimelineComment: false,
    billingAddressMatchesShippingAddress: true,
    reserveInventoryUntil: null,
    invoiceUrl: `https://sim.shopify.invalid/invoices/${draft.id}`,
    invoiceSentAt: draft.invoiceSentAt === null ? null : isoSeconds(draft.invoiceSentAt),
    completedAt: draft.completedAt === null ? null : isoSeconds(draft.completedAt),
    createdAt: isoSeconds(draft.createdAt),
    updatedAt: isoSeconds(draft.updatedAt),
    appliedDiscount: discountView(draft.appliedDiscount, t.orderDiscount, c),
    lineItemsSubtotalPrice: money(t.lineItemsSubtotal, c),
    totalLineItemsPriceSet: money(t.totalLineItems, c),
    totalQuantityOfLineItems: t.quantity,
    lineItems: () => arrayNodeList(draft.lines.map((line, i) => draftLineView(line, t.lines[i]!, c, ctx)), (_v, i) => draft.lines[i]!.id),
    order: () => {
      const order = draft.orderId === null ? undefined : ctx.order(draft.orderId);
      return order ? orderView(order, ctx) : null;
    },
    ...amountFields(draft),
    ...ownerMetafieldFields(ctx.metafields, gid, ctx.appNamespace),
  };
}

export function orderView(order: OrderRecord, ctx: DraftViewContext): View {
  const gid = makeGid('Order', order.id);
  const draft = order.draft;
  const t = draftTotals(draft);
  const c = draft.currencyCode;
  const paid = order.financialStatus === 'PAID';
  return {
    __typename: 'Order',
    id: gid,
    legacyResourceId: String(order.id),
    name: order.name,
    createdAt: isoSeconds(order.createdAt),
    updatedAt: isoSeconds(order.createdAt),
    processedAt: isoSeconds(order.createdAt),
    note: draft.note,
    sourceName: order.sourceName,
    displayFinancialStatus: order.financialStatus,
    displayFulfillmentStatus: 'UNFULFILLED',
    fullyPaid: paid,
    totalOutstandingSet: money(paid ? 0 : t.total, c),
    totalReceivedSet: money(paid ? t.total : 0, c),
    closed: false,
    confirmed: true,
    test: false,
    cancelledAt: null,
    cancelReason: null,
    subtotalLineItemsQuantity: t.quantity,
    currentSubtotalLineItemsQuantity: t.quantity,
    currentTotalPriceSet: money(t.total, c),
    currentSubtotalPriceSet: money(t.subtotal, c),
    lineItems: () =>
      arrayNodeList(
        draft.lines.map((line, i) => ({
          __typename: 'LineItem',
          id: makeGid('LineItem', line.id),
          currentQuantity: line.quantity,
          unfulfilledQuantity: line.quantity,
          refundableQuantity: line.quantity,
          nonFulfillableQuantity: 0,
          ...commonLineFields(line, t.lines[i]!, c),
          ...lineCatalogFields(line, ctx),
        })),
        (_v, i) => draft.lines[i]!.id,
      ),
    ...amountFields(draft),
    ...ownerMetafieldFields(ctx.metafields, gid, ctx.appNamespace),
  };
}
