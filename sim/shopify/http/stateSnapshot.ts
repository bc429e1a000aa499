import { isActive } from '../bulk/bulkOperationModel';
import { draftTotals } from '../draftOrders/draftOrderTotals';
import { catalogGid } from '../catalog/catalogIds';
import type { ShopState } from '../shop/shopState';
import { makeGid } from '../support/gid';
import { formatMoney } from '../support/money';
import { isoSeconds } from '../support/time';
import { metafieldDigest } from '../metafields/metafieldStore';

/** What `GET /_sim/shops/:shop/state` shows: the shop as a test wants to assert on it. */
export function shopSnapshot(shop: ShopState, now: number): Record<string, unknown> {
  const iso = (ms: number | null) => (ms === null ? null : isoSeconds(ms));
  return {
    shop: shop.shop,
    plan: shop.plan,
    throttleStatus: shop.bucket.status(now),
    requestStats: { ...shop.stats },
    bulkDownloads: shop.bulkDownloads.map((d) => ({ ...d, bulkOperationId: makeGid('BulkOperation', d.bulkOperationId) })),
    catalog: {
      ...shop.catalog.spec,
      version: shop.catalog.version,
      deletedProducts: [...shop.catalog.deletedProducts].map((i) => catalogGid('Product', i)),
      priceOverrides: shop.catalog.prices.size,
    },
    webhooks: shop.webhooks ? { url: shop.webhooks.url } : null,
    draftOrders: shop.drafts.all().map((d) => {
      const totals = draftTotals(d);
      return {
        id: makeGid('DraftOrder', d.id),
        name: d.name,
        status: d.status,
        tags: d.tags,
        poNumber: d.poNumber,
        email: d.email,
        orderId: d.orderId === null ? null : makeGid('Order', d.orderId),
        createdAt: iso(d.createdAt),
        completedAt: iso(d.completedAt),
        subtotal: formatMoney(totals.subtotal),
        total: formatMoney(totals.total),
        appliedDiscount: d.appliedDiscount,
        shippingLine: d.shippingLine && { ...d.shippingLine, price: formatMoney(d.shippingLine.priceCents) },
        lines: d.lines.map((line, i) => ({
          id: makeGid('DraftOrderLineItem', line.id),
          variantId: line.variantIndex === null ? null : catalogGid('ProductVariant', line.variantIndex),
          title: line.title,
          sku: line.sku,
          quantity: line.quantity,
          unitPrice: formatMoney(line.unitPriceCents),
          discount: line.discount,
          discountedTotal: formatMoney(totals.lines[i]!.discountedTotal),
        })),
      };
    }),
    orders: shop.drafts.allOrders().map((o) => ({ id: makeGid('Order', o.id), name: o.name, draftOrderId: makeGid('DraftOrder', o.draftOrderId), financialStatus: o.financialStatus, createdAt: iso(o.createdAt) })),
    metafields: shop.metafields.all().map((m) => ({ ...m, id: makeGid('Metafield', m.id), createdAt: iso(m.createdAt), updatedAt: iso(m.updatedAt), compareDigest: metafieldDigest(m) })),
    bulkOperations: [...shop.bulkOperations.values()].map((op) => ({
      id: makeGid('BulkOperation', op.id),
      status: op.status,
      active: isActive(op),
      errorCode: op.errorCode,
      objectCount: op.objectCount,
      rootObjectCount: op.rootObjectCount,
      fileSize: op.index?.size ?? null,
      catalogVersion: op.file.catalog.version,
      createdAt: iso(op.createdAt),
      completedAt: iso(op.completedAt),
    })),
    invoices: shop.invoices,
    webhookDeliveries: shop.webhookLog.all(),
  };
}
