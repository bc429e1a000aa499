/**
 * The bulk query of a full catalog import (sent as the `query` of bulkOperationRunQuery):
 * products with their metafields, variants with SKU, prices and inventory item, and each
 * item's available quantity per location. Four connections, nested two deep: within
 * Shopify's bulk limits (five connections, two levels), checked by a test against the
 * real schema. Results arrive as JSONL, one line per node, children carrying __parentId.
 * https://shopify.dev/docs/api/usage/bulk-operations/queries
 */
export const CATALOG_EXPORT_QUERY = /* GraphQL */ `
  {
    products {
      edges {
        node {
          id
          title
          handle
          status
          vendor
          productType
          tags
          updatedAt
          metafields {
            edges {
              node {
                id
                namespace
                key
                type
                value
                updatedAt
              }
            }
          }
          variants {
            edges {
              node {
                id
                sku
                title
                price
                compareAtPrice
                position
                updatedAt
                inventoryItem {
                  id
                  inventoryLevels {
                    edges {
                      node {
                        id
                        updatedAt
                        quantities(names: ["available"]) {
                          name
                          quantity
                        }
                        location {
                          id
                          name
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;
