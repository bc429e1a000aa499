/** The shop's own ID: the owner of shop-wide metafields. */
export const ShopIdentity = /* GraphQL */ `
  query ShopIdentity {
    shop {
      id
      myshopifyDomain
      currencyCode
      plan {
        partnerDevelopment
        shopifyPlus
      }
    }
  }
`;
