import { z } from 'zod';
import { toGid } from '../gid';
import { gidOf, gidString, moneyString, numericId, parsePayload, tagList, timestamp } from './common';

const lineItemSchema = z.object({
  id: numericId,
  admin_graphql_api_id: gidString.nullish(),
  variant_id: numericId.nullish(),
  product_id: numericId.nullish(),
  sku: z.string().nullish(),
  title: z.string(),
  quantity: z.number().int().min(0),
  price: moneyString,
  total_discount: moneyString.nullish(),
});

export const orderSchema = z.object({
  id: numericId,
  admin_graphql_api_id: gidString.nullish(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  currency: z.string().min(3),
  subtotal_price: moneyString.nullish(),
  total_price: moneyString,
  total_tax: moneyString.nullish(),
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  tags: tagList,
  po_number: z.string().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  processed_at: timestamp.nullish(),
  cancelled_at: timestamp.nullish(),
  customer: z.object({ id: numericId, admin_graphql_api_id: gidString.nullish() }).nullish(),
  // B2B orders name the buyer's company and company location by numeric ID.
  company: z.object({ id: numericId, location_id: numericId.nullish() }).nullish(),
  line_items: z.array(lineItemSchema),
});

export interface OrderRecord {
  gid: string;
  name: string | null;
  email: string | null;
  customerGid: string | null;
  companyGid: string | null;
  companyLocationGid: string | null;
  poNumber: string | null;
  currency: string;
  subtotalPrice: string | null;
  totalPrice: string;
  totalTax: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  tags: string[];
  shopifyCreatedAt: Date;
  shopifyUpdatedAt: Date;
  processedAt: Date | null;
  cancelledAt: Date | null;
  lines: OrderLineRecord[];
}

export interface OrderLineRecord {
  gid: string;
  position: number;
  variantGid: string | null;
  productGid: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  price: string;
  totalDiscount: string;
}

/** Maps an `orders/*` webhook payload to the order and its lines. */
export function mapOrderPayload(payload: unknown): OrderRecord {
  const o = parsePayload(orderSchema, payload, 'order');
  return {
    gid: gidOf('Order', o),
    name: o.name ?? null,
    email: o.email ?? null,
    customerGid: o.customer ? gidOf('Customer', o.customer) : null,
    companyGid: o.company ? toGid('Company', o.company.id) : null,
    companyLocationGid: o.company?.location_id ? toGid('CompanyLocation', o.company.location_id) : null,
    poNumber: o.po_number ?? null,
    currency: o.currency,
    subtotalPrice: o.subtotal_price ?? null,
    totalPrice: o.total_price,
    totalTax: o.total_tax ?? null,
    financialStatus: o.financial_status ?? null,
    fulfillmentStatus: o.fulfillment_status ?? null,
    tags: o.tags,
    shopifyCreatedAt: o.created_at,
    shopifyUpdatedAt: o.updated_at,
    processedAt: o.processed_at ?? null,
    cancelledAt: o.cancelled_at ?? null,
    lines: o.line_items.map((line, index) => ({
      gid: gidOf('LineItem', line),
      position: index,
      variantGid: line.variant_id ? toGid('ProductVariant', line.variant_id) : null,
      productGid: line.product_id ? toGid('Product', line.product_id) : null,
      sku: line.sku ?? null,
      title: line.title,
      quantity: line.quantity,
      price: line.price,
      totalDiscount: line.total_discount ?? '0',
    })),
  };
}
