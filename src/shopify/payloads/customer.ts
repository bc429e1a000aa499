import { z } from 'zod';
import { toGid } from '../gid';
import { gidOf, gidString, numericId, parsePayload, tagList, timestamp } from './common';

export const customerSchema = z.object({
  id: numericId,
  admin_graphql_api_id: gidString.nullish(),
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  phone: z.string().nullish(),
  state: z.string().nullish(),
  tags: tagList,
  updated_at: timestamp,
});

export interface CustomerRecord {
  gid: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  state: string | null;
  tags: string[];
  shopifyUpdatedAt: Date;
}

export function mapCustomerPayload(payload: unknown): CustomerRecord {
  const c = parsePayload(customerSchema, payload, 'customer');
  return {
    gid: gidOf('Customer', c),
    email: c.email ?? null,
    firstName: c.first_name ?? null,
    lastName: c.last_name ?? null,
    phone: c.phone ?? null,
    state: c.state ?? null,
    tags: c.tags,
    shopifyUpdatedAt: c.updated_at,
  };
}

export const companySchema = z.object({
  id: numericId.nullish(),
  admin_graphql_api_id: gidString,
  name: z.string(),
  external_id: z.string().nullish(),
  note: z.string().nullish(),
  main_contact_admin_graphql_api_id: gidString.nullish(),
  updated_at: timestamp,
});

export interface CompanyRecord {
  gid: string;
  name: string;
  externalId: string | null;
  note: string | null;
  mainContactGid: string | null;
  shopifyUpdatedAt: Date;
}

export function mapCompanyPayload(payload: unknown): CompanyRecord {
  const c = parsePayload(companySchema, payload, 'company');
  return {
    gid: c.admin_graphql_api_id,
    name: c.name,
    externalId: c.external_id ?? null,
    note: c.note ?? null,
    mainContactGid: c.main_contact_admin_graphql_api_id ?? null,
    shopifyUpdatedAt: c.updated_at,
  };
}

// Company addresses carry the region as `zone_code` (CompanyAddress.zoneCode); customer
// addresses call it `province_code`. Both are read, the company field first.
const addressSchema = z
  .object({
    country_code: z.string().nullish(),
    zone_code: z.string().nullish(),
    province_code: z.string().nullish(),
  })
  .passthrough();

export const companyLocationSchema = z.object({
  admin_graphql_api_id: gidString,
  name: z.string(),
  external_id: z.string().nullish(),
  company: z.object({ admin_graphql_api_id: gidString.nullish(), id: numericId.nullish() }).nullish(),
  company_admin_graphql_api_id: gidString.nullish(),
  shipping_address: addressSchema.nullish(),
  billing_address: addressSchema.nullish(),
  updated_at: timestamp,
});

export interface CompanyLocationRecord {
  gid: string;
  companyGid: string | null;
  name: string;
  externalId: string | null;
  countryCode: string | null;
  provinceCode: string | null;
  shippingAddress: Record<string, unknown> | null;
  billingAddress: Record<string, unknown> | null;
  shopifyUpdatedAt: Date;
}

export function mapCompanyLocationPayload(payload: unknown): CompanyLocationRecord {
  const l = parsePayload(companyLocationSchema, payload, 'company location');
  const companyGid =
    l.company?.admin_graphql_api_id ??
    l.company_admin_graphql_api_id ??
    (l.company?.id ? toGid('Company', l.company.id) : null);
  const region = l.shipping_address ?? l.billing_address;
  return {
    gid: l.admin_graphql_api_id,
    companyGid,
    name: l.name,
    externalId: l.external_id ?? null,
    countryCode: region?.country_code ?? null,
    provinceCode: region?.zone_code ?? region?.province_code ?? null,
    shippingAddress: l.shipping_address ?? null,
    billingAddress: l.billing_address ?? null,
    shopifyUpdatedAt: l.updated_at,
  };
}
