import { z } from 'zod';
import { toGid } from '../gid';
import { numericId, parsePayload } from './common';

const customerRefSchema = z.object({ id: numericId, email: z.string().nullish(), phone: z.string().nullish() });

export const customerRedactSchema = z.object({
  customer: customerRefSchema,
  orders_to_redact: z.array(numericId).default([]),
});

export const dataRequestSchema = z.object({
  customer: customerRefSchema,
  orders_requested: z.array(numericId).default([]),
  data_request: z.object({ id: numericId }).nullish(),
});

export interface CustomerPrivacyRequest {
  customerGid: string;
  email: string | null;
  orderGids: string[];
  dataRequestId: string | null;
}

/** `customers/redact` and `customers/data_request` name a customer and some of their orders. */
export function mapCustomerPrivacyPayload(payload: unknown, topic: 'customers/redact' | 'customers/data_request'): CustomerPrivacyRequest {
  if (topic === 'customers/redact') {
    const p = parsePayload(customerRedactSchema, payload, topic);
    return {
      customerGid: toGid('Customer', p.customer.id),
      email: p.customer.email ?? null,
      orderGids: p.orders_to_redact.map((id) => toGid('Order', id)),
      dataRequestId: null,
    };
  }
  const p = parsePayload(dataRequestSchema, payload, topic);
  return {
    customerGid: toGid('Customer', p.customer.id),
    email: p.customer.email ?? null,
    orderGids: p.orders_requested.map((id) => toGid('Order', id)),
    dataRequestId: p.data_request?.id ?? null,
  };
}
