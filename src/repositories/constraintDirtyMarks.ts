import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

/**
 * Marks a company location for the constraint sync (constraint_sync_dirty). Called in the
 * transaction of the change itself, so the mark exists exactly when the change does; the
 * sync clears only the marks it saw.
 */
export async function markConstraintsDirty(tx: DbOrTx, shop: string, companyLocationGid: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO constraint_sync_dirty (shop, company_location_gid) VALUES (${shop}, ${companyLocationGid})
    ON CONFLICT (shop, company_location_gid) DO UPDATE SET marked_at = clock_timestamp()`);
}
