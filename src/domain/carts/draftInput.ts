import type * as T from '../../shopify/operations/generated/admin.types';
import { formatMoney, type Money } from '../money/decimal';

/**
 * What one draft order of a group looks like in Shopify. Pure.
 *
 * Linking: every draft carries the group's tag (find all of a group's drafts) and its own
 * chunk tag (find exactly this draft after a lost response — Shopify has no idempotency key
 * for draftOrderCreate), both within Shopify's 40 characters per tag; metafields `b2b.group_id`
 * and `b2b.position` ("2 of 5"); the PO number; and, once all exist, `b2b.siblings` (the other
 * drafts' IDs, set with metafieldsSet).
 *
 * Shipping is charged once: the cart's freight is the shipping line of the first draft; the
 * others carry a zero-priced line naming it, so no checkout adds shipping again.
 */
export const METAFIELD_NAMESPACE = 'b2b';

const compact = (groupId: string) => groupId.replace(/-/g, '').toLowerCase();
/** "b2b-" + 32 hex digits = 36 characters. */
export const groupTag = (groupId: string) => `b2b-${compact(groupId)}`;
/** The group tag + "-<index>": at most 40 characters up to index 999. */
export const chunkTag = (groupId: string, index: number) => `${groupTag(groupId)}-${index}`;

export interface DraftLineSpec {
  variantGid: string;
  quantity: number;
  discountPerUnit: Money;
}

export interface DraftSpec {
  groupId: string;
  index: number;
  count: number;
  currencyCode: string;
  poNumber: string | null;
  note: string | null;
  email: string | null;
  shippingAddress: T.MailingAddressInput | null;
  shipping: { title: string; price: Money } | null;
  lines: readonly DraftLineSpec[];
}

export const position = (index: number, count: number) => `${index + 1} of ${count}`;

export function draftOrderInput(spec: DraftSpec): T.DraftOrderInput {
  const first = spec.index === 0;
  const shippingLine: T.ShippingLineInput | undefined = spec.shipping
    ? first
      ? { title: spec.shipping.title, priceWithCurrency: { amount: formatMoney(spec.shipping.price), currencyCode: spec.currencyCode as T.CurrencyCode } }
      : { title: `Shipping charged on draft 1 of ${spec.count}`, priceWithCurrency: { amount: '0.00', currencyCode: spec.currencyCode as T.CurrencyCode } }
    : undefined;
  const notes = [`Part ${position(spec.index, spec.count)} of B2B order ${spec.groupId}.`, spec.note].filter(Boolean);
  return {
    lineItems: spec.lines.map((l) => ({
      variantId: l.variantGid,
      quantity: l.quantity,
      // FIXED_AMOUNT per unit: list price − negotiated price. A JSON number of a decimal
      // with ≤ 15 significant digits reads back as the same decimal.
      ...(l.discountPerUnit > 0n
        ? { appliedDiscount: { valueType: 'FIXED_AMOUNT' as T.DraftOrderAppliedDiscountType, value: Number(formatMoney(l.discountPerUnit)), title: 'Negotiated price' } }
        : {}),
    })),
    tags: [groupTag(spec.groupId), chunkTag(spec.groupId, spec.index)],
    poNumber: spec.poNumber,
    note: notes.join('\n'),
    ...(spec.email ? { email: spec.email } : {}),
    ...(spec.shippingAddress ? { shippingAddress: spec.shippingAddress } : {}),
    ...(shippingLine ? { shippingLine } : {}),
    metafields: [
      { namespace: METAFIELD_NAMESPACE, key: 'group_id', type: 'single_line_text_field', value: spec.groupId },
      { namespace: METAFIELD_NAMESPACE, key: 'position', type: 'single_line_text_field', value: position(spec.index, spec.count) },
    ],
  };
}

/** metafieldsSet entries linking each draft to its siblings, once all exist. */
export function siblingMetafields(draftGids: readonly string[]): T.MetafieldsSetInput[] {
  return draftGids.map((ownerId) => ({
    ownerId,
    namespace: METAFIELD_NAMESPACE,
    key: 'siblings',
    type: 'list.single_line_text_field',
    value: JSON.stringify(draftGids.filter((g) => g !== ownerId)),
  }));
}
