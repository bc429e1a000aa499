import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { companies, companyLocations, customers } from '../db/schema';
import { isNewerThanStored, setFromExcluded } from '../db/sqlHelpers';
import type { CompanyLocationRecord, CompanyRecord, CustomerRecord } from '../shopify/payloads/customer';
import type { WriteResult } from './orderWriter';

export async function upsertCustomer(tx: DbOrTx, shop: string, customer: CustomerRecord, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .insert(customers)
    .values({ shop, ...customer, sourceEventAt: eventAt, deletedAt: null })
    .onConflictDoUpdate({
      target: [customers.shop, customers.gid],
      set: { ...setFromExcluded(customers, ['shop', 'gid']), syncedAt: sql`now()` },
      // A tombstone outranks anything Shopify changed before the deletion.
      setWhere: isNewerThanStored(customers),
    })
    .returning({ gid: customers.gid });
  return { applied: rows.length > 0, rows: rows.length };
}

/**
 * Deleting a customer keeps a tombstone without personal data: the versions stay, so an
 * older update delivered late cannot re-create the person.
 */
export async function tombstoneCustomer(tx: DbOrTx, shop: string, customerGid: string, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .insert(customers)
    .values({ shop, gid: customerGid, shopifyUpdatedAt: eventAt, sourceEventAt: eventAt, deletedAt: eventAt })
    .onConflictDoUpdate({
      target: [customers.shop, customers.gid],
      set: {
        email: null,
        firstName: null,
        lastName: null,
        phone: null,
        tags: sql`'{}'`,
        state: null,
        deletedAt: eventAt,
        shopifyUpdatedAt: sql`greatest(${customers.shopifyUpdatedAt}, ${eventAt})`,
        sourceEventAt: eventAt,
        syncedAt: sql`now()`,
      },
    })
    .returning({ gid: customers.gid });
  return { applied: rows.length > 0, rows: rows.length };
}

export async function upsertCompany(tx: DbOrTx, shop: string, company: CompanyRecord, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .insert(companies)
    .values({ shop, ...company, sourceEventAt: eventAt, deletedAt: null })
    .onConflictDoUpdate({
      target: [companies.shop, companies.gid],
      set: { ...setFromExcluded(companies, ['shop', 'gid']), syncedAt: sql`now()` },
      setWhere: isNewerThanStored(companies),
    })
    .returning({ gid: companies.gid });
  return { applied: rows.length > 0, rows: rows.length };
}

/** `companies/delete` sends the whole company; its `updated_at` may predate the deletion, so the trigger time versions it. */
export async function softDeleteCompany(tx: DbOrTx, shop: string, companyGid: string, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .update(companies)
    .set({ deletedAt: eventAt, shopifyUpdatedAt: sql`greatest(${companies.shopifyUpdatedAt}, ${eventAt})`, sourceEventAt: eventAt, syncedAt: sql`now()` })
    .where(and(eq(companies.shop, shop), eq(companies.gid, companyGid)))
    .returning({ gid: companies.gid });
  return { applied: rows.length > 0, rows: rows.length };
}

export async function upsertCompanyLocation(tx: DbOrTx, shop: string, location: CompanyLocationRecord, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .insert(companyLocations)
    .values({ shop, ...location, sourceEventAt: eventAt, deletedAt: null })
    .onConflictDoUpdate({
      target: [companyLocations.shop, companyLocations.gid],
      set: { ...setFromExcluded(companyLocations, ['shop', 'gid']), syncedAt: sql`now()` },
      setWhere: isNewerThanStored(companyLocations),
    })
    .returning({ gid: companyLocations.gid });
  return { applied: rows.length > 0, rows: rows.length };
}

export async function softDeleteCompanyLocation(tx: DbOrTx, shop: string, locationGid: string, eventAt: Date): Promise<WriteResult> {
  const rows = await tx
    .update(companyLocations)
    .set({ deletedAt: eventAt, shopifyUpdatedAt: sql`greatest(${companyLocations.shopifyUpdatedAt}, ${eventAt})`, sourceEventAt: eventAt, syncedAt: sql`now()` })
    .where(and(eq(companyLocations.shop, shop), eq(companyLocations.gid, locationGid)))
    .returning({ gid: companyLocations.gid });
  return { applied: rows.length > 0, rows: rows.length };
}
