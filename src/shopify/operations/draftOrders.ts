/**
 * Draft orders: how an oversized B2B cart becomes linked orders.
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/draftOrderCreate
 */
const DRAFT_ORDER_FIELDS = /* GraphQL */ `
  fragment DraftOrderFields on DraftOrder {
    id
    name
    status
    tags
    poNumber
    invoiceUrl
    totalQuantityOfLineItems
    subtotalPriceSet {
      shopMoney {
        amount
        currencyCode
      }
    }
    totalPriceSet {
      shopMoney {
        amount
        currencyCode
      }
    }
    order {
      id
    }
  }
`;

export const DraftOrderCreate = /* GraphQL */ `
  mutation DraftOrderCreate($input: DraftOrderInput!) {
    draftOrderCreate(input: $input) {
      draftOrder {
        ...DraftOrderFields
      }
      userErrors {
        field
        message
      }
    }
  }
  ${DRAFT_ORDER_FIELDS}
`;

export const DraftOrderUpdate = /* GraphQL */ `
  mutation DraftOrderUpdate($id: ID!, $input: DraftOrderInput!) {
    draftOrderUpdate(id: $id, input: $input) {
      draftOrder {
        ...DraftOrderFields
      }
      userErrors {
        field
        message
      }
    }
  }
  ${DRAFT_ORDER_FIELDS}
`;

export const DraftOrderComplete = /* GraphQL */ `
  mutation DraftOrderComplete($id: ID!, $paymentPending: Boolean) {
    draftOrderComplete(id: $id, paymentPending: $paymentPending) {
      draftOrder {
        ...DraftOrderFields
      }
      userErrors {
        field
        message
      }
    }
  }
  ${DRAFT_ORDER_FIELDS}
`;

export const DraftOrderInvoiceSend = /* GraphQL */ `
  mutation DraftOrderInvoiceSend($id: ID!, $email: EmailInput) {
    draftOrderInvoiceSend(id: $id, email: $email) {
      draftOrder {
        id
        invoiceSentAt
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const DraftOrderDelete = /* GraphQL */ `
  mutation DraftOrderDelete($input: DraftOrderDeleteInput!) {
    draftOrderDelete(input: $input) {
      deletedId
      userErrors {
        field
        message
      }
    }
  }
`;

/**
 * Drafts carrying a tag. Shopify has no idempotency key for draftOrderCreate, so after a
 * lost response we look for the draft by its (group, chunk) tag before creating another.
 */
export const DraftOrdersByTag = /* GraphQL */ `
  query DraftOrdersByTag($query: String!, $first: Int!, $after: String) {
    draftOrders(first: $first, after: $after, query: $query) {
      nodes {
        ...DraftOrderFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${DRAFT_ORDER_FIELDS}
`;
