import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { shopColumn, tstz, versionColumns } from './columns';

export const customers = pgTable(
  'customers',
  {
    shop: shopColumn(),
    gid: text().notNull(),
    email: text(),
    firstName: text(),
    lastName: text(),
    phone: text(),
    state: text(),
    tags: text().array().notNull().default(sql`'{}'`),
    ...versionColumns(),
    /** Deletion keeps a tombstone without personal data, so a late, older update cannot resurrect it. */
    deletedAt: tstz(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.gid] })],
);

/** A B2B buyer organisation. */
export const companies = pgTable(
  'companies',
  {
    shop: shopColumn(),
    gid: text().notNull(),
    name: text().notNull(),
    externalId: text(),
    note: text(),
    mainContactGid: text(),
    ...versionColumns(),
    deletedAt: tstz(),
  },
  (t) => [primaryKey({ columns: [t.shop, t.gid] })],
);

/** A company's ship-to / bill-to site; B2B prices, quotas and rules attach here. */
export const companyLocations = pgTable(
  'company_locations',
  {
    shop: shopColumn(),
    gid: text().notNull(),
    companyGid: text(),
    name: text().notNull(),
    externalId: text(),
    countryCode: text(),
    provinceCode: text(),
    shippingAddress: jsonb(),
    billingAddress: jsonb(),
    ...versionColumns(),
    deletedAt: tstz(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.gid] }),
    index('company_locations_company_idx').on(t.shop, t.companyGid),
  ],
);

export type CustomerRow = typeof customers.$inferSelect;
export type CompanyRow = typeof companies.$inferSelect;
export type CompanyLocationRow = typeof companyLocations.$inferSelect;
