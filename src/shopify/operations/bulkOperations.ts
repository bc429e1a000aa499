/**
 * Bulk operations: a query Shopify runs asynchronously, writing JSONL we download.
 * https://shopify.dev/docs/api/usage/bulk-operations/queries
 */
export const BulkOperationRunQuery = /* GraphQL */ `
  mutation BulkOperationRunQuery($query: String!, $groupObjects: Boolean!) {
    bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) {
      bulkOperation {
        id
        status
        createdAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

const BULK_OPERATION_FIELDS = /* GraphQL */ `
  fragment BulkOperationFields on BulkOperation {
    id
    status
    type
    errorCode
    createdAt
    completedAt
    objectCount
    rootObjectCount
    fileSize
    url
    partialDataUrl
  }
`;

/** One operation by ID: with several concurrent bulk operations per shop, "current" is ambiguous. */
export const BulkOperationById = /* GraphQL */ `
  query BulkOperationById($id: ID!) {
    bulkOperation(id: $id) {
      ...BulkOperationFields
    }
  }
  ${BULK_OPERATION_FIELDS}
`;

/** Deprecated in 2026-07 in favour of `bulkOperations`, kept for shops on older flows. */
export const CurrentBulkOperation = /* GraphQL */ `
  query CurrentBulkOperation {
    currentBulkOperation(type: QUERY) {
      ...BulkOperationFields
    }
  }
  ${BULK_OPERATION_FIELDS}
`;

export const BulkOperationCancel = /* GraphQL */ `
  mutation BulkOperationCancel($id: ID!) {
    bulkOperationCancel(id: $id) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;
