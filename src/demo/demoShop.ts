/**
 * What the demo shop holds beside its generated catalog: two B2B companies with one
 * company location each, and the rules our tables keep for them. Pure data; the seed
 * (seedDemoShop.ts) writes it through the paths production uses.
 */

export interface DemoLocation {
  companyGid: string;
  companyName: string;
  gid: string;
  name: string;
  /** Where it ships to: routing reads the country from the company location row. */
  address: { address1: string; city: string; zip: string; countryCode: string; zoneCode: string; country: string; province: string };
  settings: { requiresApproval: boolean; approvalThreshold: string | null; creditLimit: string | null; openBalance: string };
  /** The price list: catalog SKUs [from, to) (in catalog order) at list × factor per quantity break. */
  priceList: { from: number; to: number; breaks: readonly { minQuantity: number; factor: string }[] };
}

/** Ordered by approval: Northwind's big carts wait for an approver; Contoso buys on a credit limit. */
export const NORTHWIND: DemoLocation = {
  companyGid: 'gid://shopify/Company/1082310657',
  companyName: 'Northwind Facility Services LLC',
  gid: 'gid://shopify/CompanyLocation/2952790017',
  name: 'Chicago Distribution Center',
  address: { address1: '2450 S Ashland Ave', city: 'Chicago', zip: '60608', countryCode: 'US', zoneCode: 'IL', country: 'United States', province: 'Illinois' },
  settings: { requiresApproval: false, approvalThreshold: '25000.00', creditLimit: null, openBalance: '0' },
  priceList: { from: 0, to: 2_000, breaks: [{ minQuantity: 1, factor: '0.90' }, { minQuantity: 24, factor: '0.85' }] },
};

export const CONTOSO: DemoLocation = {
  companyGid: 'gid://shopify/Company/1082343425',
  companyName: 'Contoso Hospitality Group Inc.',
  gid: 'gid://shopify/CompanyLocation/2952822785',
  name: 'Toronto Commissary Kitchen',
  address: { address1: '88 Queens Quay W', city: 'Toronto', zip: 'M5J 0B8', countryCode: 'CA', zoneCode: 'ON', country: 'Canada', province: 'Ontario' },
  settings: { requiresApproval: false, approvalThreshold: null, creditLimit: '15000.00', openBalance: '3200.00' },
  priceList: { from: 1_000, to: 1_500, breaks: [{ minQuantity: 1, factor: '0.95' }] },
};

export const DEMO_LOCATIONS: readonly DemoLocation[] = [NORTHWIND, CONTOSO];

/**
 * Catalog positions (in catalog order) of the SKUs the rules single out. They sit past the
 * SKUs the demo cart orders (the first 1,200 in stock, sampleCart.ts), so the cart meets
 * every rule.
 */
export const QUOTA_SKU_POSITION = 1_998;
export const CASE_PACK_SKU_POSITION = 1_999;
export const QUOTA = { period: 'month', maxQuantity: 40 } as const;
export const CASE_PACK = 6;
/** The fewest SKUs the rules above need. */
export const MIN_DEMO_SKUS = 2_000;

/** Warehouse routes by the simulator's locations, in catalog order (0 = Main Warehouse). */
export const WAREHOUSE_ROUTES: readonly { countryCode: string | null; warehouses: readonly number[] }[] = [
  // One warehouse for the US: a US cart is cut only by Shopify's 499-line limit.
  { countryCode: 'US', warehouses: [0] },
  { countryCode: 'CA', warehouses: [1, 0] },
  { countryCode: null, warehouses: [0, 1] },
];

export const DEMO_APPROVER = { name: 'Dana Whitfield (demo approver)', email: 'dana.whitfield@northwind.example' } as const;

/**
 * The webhooks Shopify sends when a merchant creates these companies, in the shape of
 * test/fixtures/webhooks/ (Shopify's documented payloads). `updatedAt` is fixed so a
 * re-delivery on the next start is an older-or-equal version and changes nothing.
 */
export function companyWebhooks(location: DemoLocation, updatedAt = '2026-07-01T13:02:18-05:00'): { topic: string; payload: Record<string, unknown> }[] {
  const company = {
    name: location.companyName,
    note: null,
    external_id: null,
    main_contact_admin_graphql_api_id: null,
    created_at: updatedAt,
    updated_at: updatedAt,
    customer_since: updatedAt,
    admin_graphql_api_id: location.companyGid,
  };
  const a = location.address;
  const address = {
    address1: a.address1,
    city: a.city,
    province: a.province,
    country: a.country,
    zip: a.zip,
    recipient: `${location.companyName} - Receiving`,
    zone_code: a.zoneCode,
    country_code: a.countryCode,
    created_at: updatedAt,
    updated_at: updatedAt,
    company_admin_graphql_api_id: location.companyGid,
  };
  return [
    { topic: 'companies/create', payload: company },
    {
      topic: 'company_locations/create',
      payload: {
        name: location.name,
        external_id: null,
        locale: 'en',
        created_at: updatedAt,
        updated_at: updatedAt,
        admin_graphql_api_id: location.gid,
        company,
        billing_address: address,
        shipping_address: address,
      },
    },
  ];
}
