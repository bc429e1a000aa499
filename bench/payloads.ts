/** A B2B order webhook body of about 5 KB for `lines` = 3 (documented orders/create fields). */
export function benchOrderPayload(orderId: number, lines: number): Record<string, unknown> {
  const note = 'Deliver to dock 4; call receiving 30 minutes before arrival. '.repeat(40);
  return {
    id: orderId,
    admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
    name: `#B${orderId}`,
    email: `buyer${orderId % 97}@northwind.example`,
    currency: 'USD',
    subtotal_price: '1250.00',
    total_price: '1300.00',
    total_tax: '50.00',
    financial_status: 'pending',
    fulfillment_status: null,
    tags: 'b2b, net30',
    po_number: `PO-${orderId}`,
    note,
    created_at: '2026-07-14T10:22:31-05:00',
    updated_at: '2026-07-14T10:22:34-05:00',
    processed_at: '2026-07-14T10:22:31-05:00',
    cancelled_at: null,
    customer: { id: 7_000_000 + (orderId % 1000), admin_graphql_api_id: `gid://shopify/Customer/${7_000_000 + (orderId % 1000)}` },
    company: { id: 8_000 + (orderId % 50), location_id: 9_000 + (orderId % 200) },
    line_items: Array.from({ length: lines }, (_, i) => ({
      id: orderId * 1000 + i,
      admin_graphql_api_id: `gid://shopify/LineItem/${orderId * 1000 + i}`,
      variant_id: 40_000_000 + i,
      product_id: 30_000_000 + i,
      sku: `SKU-${String(i).padStart(6, '0')}`,
      title: `Industrial part ${i}`,
      quantity: (i % 9) + 1,
      price: `${(i % 40) + 10}.50`,
      total_discount: '0.00',
    })),
  };
}
