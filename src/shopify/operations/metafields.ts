/**
 * Metafields: where precomputed rules live for the checkout Function to read.
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet
 */
export const MetafieldsSet = /* GraphQL */ `
  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
        compareDigest
        owner {
          ... on Node {
            id
          }
        }
      }
      userErrors {
        code
        elementIndex
        field
        message
      }
    }
  }
`;

export const MetafieldsDelete = /* GraphQL */ `
  mutation MetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields {
        ownerId
        namespace
        key
      }
      userErrors {
        field
        message
      }
    }
  }
`;
