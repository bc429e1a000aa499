import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidPayloadError } from '../../errors';
import { mapCustomerPrivacyPayload } from './compliance';
import { mapCompanyLocationPayload, mapCompanyPayload, mapCustomerPayload } from './customer';
import { mapInventoryLevelPayload } from './inventory';
import { mapOrderPayload } from './order';
import { mapDeletedId, mapProductPayload } from './product';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '../../../test/fixtures/webhooks', `${name}.json`), 'utf8'));

describe('mapOrderPayload (documented orders/create shape)', () => {
  const order = mapOrderPayload(fixture('orders__create'));

  it('keys the order and its lines by GID and keeps money as exact strings', () => {
    expect(order).toMatchObject({
      gid: 'gid://shopify/Order/6123450548481',
      totalPrice: '2133.00',
      currency: 'USD',
      poNumber: 'PO-NW-2026-0719',
      companyGid: expect.stringMatching(/^gid:\/\/shopify\/Company\/\d+$/),
      companyLocationGid: expect.stringMatching(/^gid:\/\/shopify\/CompanyLocation\/\d+$/),
      tags: ['b2b', 'net30'],
    });
    expect(order.lines.length).toBeGreaterThanOrEqual(2);
    expect(order.lines[0]).toMatchObject({ position: 0, gid: expect.stringMatching(/^gid:\/\/shopify\/LineItem\//), variantGid: expect.stringMatching(/ProductVariant/) });
  });

  it('reads updated_at with its offset as an instant', () => {
    expect(order.shopifyUpdatedAt.toISOString()).toBe('2026-07-14T15:22:34.000Z');
  });

  it.each([
    ['a missing total_price', (o: any) => delete o.total_price, /total_price/],
    ['a line without quantity', (o: any) => delete o.line_items[0].quantity, /line_items\.0\.quantity/],
    ['money that is not a decimal', (o: any) => (o.total_price = '12,00'), /not a decimal/],
    ['an ID beyond 2^53', (o: any) => (o.line_items[0].variant_id = 2 ** 60), /not exactly representable/],
    ['a bad timestamp', (o: any) => (o.updated_at = 'soon'), /not a timestamp/],
  ])('refuses %s with a non-retryable InvalidPayloadError naming the field', (_name, mutate, message) => {
    const payload = fixture('orders__create');
    mutate(payload);
    expect(() => mapOrderPayload(payload)).toThrow(InvalidPayloadError);
    expect(() => mapOrderPayload(payload)).toThrow(message);
  });
});

describe('other topics (documented shapes)', () => {
  it('products: upper-cases status like the GraphQL API and maps every variant', () => {
    const product = mapProductPayload(fixture('products__create'));
    expect(product.status).toBe('ACTIVE');
    expect(product.variants.length).toBeGreaterThanOrEqual(2);
    expect(product.variants[0]).toMatchObject({ sku: expect.any(String), price: expect.stringMatching(/^\d+\.\d+$/), inventoryItemGid: expect.stringMatching(/InventoryItem/) });
  });

  it.each([
    ['products__delete', 'Product'],
    ['customers__delete', 'Customer'],
    ['companies__delete', 'Company'],
    ['company_locations__delete', 'CompanyLocation'],
  ] as const)('%s yields the deleted %s GID', (name, type) => {
    expect(mapDeletedId(fixture(name), type)).toMatch(new RegExp(`^gid://shopify/${type}/\\d+$`));
  });

  it('company locations take their region from the shipping address and their company from the nested company', () => {
    const location = mapCompanyLocationPayload(fixture('company_locations__create'));
    expect(location).toMatchObject({ companyGid: 'gid://shopify/Company/1082310657', countryCode: 'US', provinceCode: 'IL' });
  });

  it("a company location's region is its address's zone_code (province_code also read)", () => {
    const payload = fixture('company_locations__create') as Record<string, unknown>;
    const withAddress = (address: Record<string, unknown> | null) => mapCompanyLocationPayload({ ...payload, shipping_address: address, billing_address: null });
    expect(withAddress({ country_code: 'CA', zone_code: 'ON' })).toMatchObject({ countryCode: 'CA', provinceCode: 'ON' });
    expect(withAddress({ country_code: 'CA', province_code: 'QC' })).toMatchObject({ countryCode: 'CA', provinceCode: 'QC' });
    expect(withAddress(null)).toMatchObject({ countryCode: null, provinceCode: null });
  });

  it('customers, companies, inventory levels and privacy requests map', () => {
    expect(mapCustomerPayload(fixture('customers__create')).gid).toMatch(/Customer/);
    expect(mapCompanyPayload(fixture('companies__create')).name).toBeTruthy();
    expect(mapInventoryLevelPayload(fixture('inventory_levels__update'))).toMatchObject({ available: 228 });
    expect(mapCustomerPrivacyPayload(fixture('customers__redact'), 'customers/redact').orderGids).toEqual(['gid://shopify/Order/6123450548481']);
  });
});
