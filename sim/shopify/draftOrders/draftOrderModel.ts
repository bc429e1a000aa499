/** Draft orders and the orders completing them, as the simulator stores them (cents, never floats). */
export type DiscountValueType = 'FIXED_AMOUNT' | 'PERCENTAGE';

export interface AppliedDiscount {
  valueType: DiscountValueType;
  /** The input `value` as a decimal string: an amount per unit (line) / per order, or a percentage. */
  value: string;
  title: string | null;
  description: string;
  /** `amountWithCurrency` when given: the discount's total, which then wins over `value`. */
  amountCents: number | null;
}

export interface DraftLine {
  id: number;
  uuid: string;
  variantIndex: number | null;
  productIndex: number | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  unitPriceCents: number;
  priceOverridden: boolean;
  discount: AppliedDiscount | null;
  requiresShipping: boolean;
  taxable: boolean;
  customAttributes: { key: string; value: string | null }[];
}

export type DraftOrderStatus = 'OPEN' | 'INVOICE_SENT' | 'COMPLETED';

export interface ShippingLineRecord {
  title: string;
  priceCents: number;
  shippingRateHandle: string | null;
}

export interface DraftOrderRecord {
  id: number;
  name: string;
  status: DraftOrderStatus;
  lines: DraftLine[];
  appliedDiscount: AppliedDiscount | null;
  tags: string[];
  poNumber: string | null;
  note: string | null;
  email: string | null;
  phone: string | null;
  shippingLine: ShippingLineRecord | null;
  taxExempt: boolean;
  visibleToCustomer: boolean;
  customAttributes: { key: string; value: string | null }[];
  currencyCode: string;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
  invoiceSentAt: number | null;
  orderId: number | null;
}

export interface OrderRecord {
  id: number;
  name: string;
  draftOrderId: number;
  /** A copy of the draft at completion; later edits to the draft cannot reach the order. */
  draft: DraftOrderRecord;
  financialStatus: 'PAID' | 'PENDING';
  sourceName: string | null;
  createdAt: number;
}
