import { fixture } from './webhooks';

/**
 * An `orders/create` payload with `lineCount` lines, each a copy of the documented fixture's
 * first line (every field Shopify sends, not only those the origin reads) with its own IDs,
 * SKU, quantity and price.
 */
export function largeOrder(orderId: number, lineCount: number): any {
  const base = fixture('orders/create');
  const template = base.line_items[0];
  return {
    ...base,
    id: orderId,
    admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
    line_items: Array.from({ length: lineCount }, (_, i) => ({
      ...template,
      id: orderId * 10_000 + i,
      admin_graphql_api_id: `gid://shopify/LineItem/${orderId * 10_000 + i}`,
      sku: `SKU-${String(i).padStart(5, '0')}`,
      variant_id: 40_000_000 + i,
      quantity: (i % 7) + 1,
      price: `${(i % 50) + 1}.25`,
    })),
  };
}
