import type { DraftOrderRecord, OrderRecord } from './draftOrderModel';
import type { DraftPatch, UserError } from './draftOrderInput';

/**
 * A shop's draft orders and the orders made from them. Every method either applies a whole
 * change or none of it, and says which as a union the resolver maps to the payload.
 */
export type DraftChange = { outcome: 'ok'; draft: DraftOrderRecord } | { outcome: 'rejected'; userErrors: UserError[] };

export class DraftOrderBook {
  private readonly drafts = new Map<number, DraftOrderRecord>();
  private readonly orders = new Map<number, OrderRecord>();
  private nextDraftId = 1_100_000_000_001;
  private nextLineId = 58_000_000_000_001;
  private nextOrderId = 6_200_000_000_001;
  private draftNumber = 1;
  private orderNumber = 1001;

  constructor(private readonly currencyCode: string) {}

  get(id: number): DraftOrderRecord | undefined {
    return this.drafts.get(id);
  }

  order(id: number): OrderRecord | undefined {
    return this.orders.get(id);
  }

  all(): DraftOrderRecord[] {
    return [...this.drafts.values()];
  }

  allOrders(): OrderRecord[] {
    return [...this.orders.values()];
  }

  create(patch: DraftPatch, now: number): DraftOrderRecord {
    const draft: DraftOrderRecord = {
      id: this.nextDraftId++,
      name: `#D${this.draftNumber++}`,
      status: 'OPEN',
      lines: [],
      appliedDiscount: null,
      tags: [],
      poNumber: null,
      note: null,
      email: null,
      phone: null,
      shippingLine: null,
      taxExempt: false,
      visibleToCustomer: false,
      customAttributes: [],
      currencyCode: this.currencyCode,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      invoiceSentAt: null,
      orderId: null,
    };
    this.apply(draft, patch);
    this.drafts.set(draft.id, draft);
    return draft;
  }

  update(id: number, patch: DraftPatch, now: number): DraftChange {
    const draft = this.drafts.get(id);
    if (!draft) return notFound();
    if (draft.status === 'COMPLETED') return { outcome: 'rejected', userErrors: [{ field: ['id'], message: 'Draft order has already been completed and can no longer be edited' }] };
    this.apply(draft, patch);
    draft.updatedAt = now;
    return { outcome: 'ok', draft };
  }

  complete(id: number, options: { paymentPending: boolean; sourceName: string | null }, now: number): DraftChange {
    const draft = this.drafts.get(id);
    if (!draft) return notFound();
    if (draft.status === 'COMPLETED') return { outcome: 'rejected', userErrors: [{ field: ['id'], message: 'Draft order has already been completed' }] };
    const order: OrderRecord = {
      id: this.nextOrderId++,
      name: `#${this.orderNumber++}`,
      draftOrderId: draft.id,
      draft: structuredClone({ ...draft, status: 'COMPLETED' as const }),
      financialStatus: options.paymentPending ? 'PENDING' : 'PAID',
      sourceName: options.sourceName,
      createdAt: now,
    };
    this.orders.set(order.id, order);
    Object.assign(draft, { status: 'COMPLETED', completedAt: now, updatedAt: now, orderId: order.id });
    return { outcome: 'ok', draft };
  }

  markInvoiceSent(id: number, now: number): DraftChange {
    const draft = this.drafts.get(id);
    if (!draft) return notFound();
    if (draft.status === 'COMPLETED') return { outcome: 'rejected', userErrors: [{ field: ['id'], message: 'Draft order has already been completed' }] };
    Object.assign(draft, { status: 'INVOICE_SENT', invoiceSentAt: now, updatedAt: now });
    return { outcome: 'ok', draft };
  }

  delete(id: number): DraftChange {
    const draft = this.drafts.get(id);
    if (!draft) return notFound();
    this.drafts.delete(id);
    return { outcome: 'ok', draft };
  }

  private apply(draft: DraftOrderRecord, patch: DraftPatch): void {
    const { lines, metafields: _metafields, ...fields } = patch;
    Object.assign(draft, fields);
    if (lines) draft.lines = lines.map((line) => ({ ...line, id: this.nextLineId++ }));
  }
}

const notFound = (): DraftChange => ({ outcome: 'rejected', userErrors: [{ field: ['id'], message: 'Draft order does not exist' }] });
