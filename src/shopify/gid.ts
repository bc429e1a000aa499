/** Shopify global IDs: `gid://shopify/<Type>/<id>`. Rows are keyed by them. */
export type GidType =
  | 'Order'
  | 'LineItem'
  | 'Product'
  | 'ProductVariant'
  | 'InventoryItem'
  | 'Location'
  | 'Customer'
  | 'Company'
  | 'CompanyLocation'
  | 'CompanyContact'
  | 'DraftOrder'
  | 'BulkOperation';

export function toGid(type: GidType, id: string | number): string {
  return `gid://shopify/${type}/${id}`;
}

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?]+)/;

export function parseGid(gid: string): { type: string; id: string } | undefined {
  const m = GID.exec(gid);
  return m ? { type: m[1]!, id: m[2]! } : undefined;
}
