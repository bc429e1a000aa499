import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approverLocations, approvers } from '../db/schema';

export interface Approver {
  id: string;
  shop: string;
  name: string;
  email: string | null;
}

/** Only the token's sha256 is stored: a leaked table does not let anyone approve. */
export const hashApproverToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Approvers: who may approve which company location's carts. */
export function createApproverRepository(db: Db) {
  return {
    /** Creates an approver and returns their token, shown once. */
    async create(input: { shop: string; name: string; email?: string | null; companyLocationGids: readonly string[] }): Promise<{ approver: Approver; token: string }> {
      const token = `apr_${randomBytes(32).toString('base64url')}`;
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await tx.insert(approvers).values({ id, shop: input.shop, name: input.name, email: input.email ?? null, tokenHash: hashApproverToken(token) });
        if (input.companyLocationGids.length > 0) {
          await tx.insert(approverLocations).values(input.companyLocationGids.map((companyLocationGid) => ({ approverId: id, companyLocationGid })));
        }
      });
      return { approver: { id, shop: input.shop, name: input.name, email: input.email ?? null }, token };
    },

    /** The active approver holding this token, if any. */
    async authenticate(token: string): Promise<Approver | undefined> {
      const [row] = await db
        .select({ id: approvers.id, shop: approvers.shop, name: approvers.name, email: approvers.email })
        .from(approvers)
        .where(and(eq(approvers.tokenHash, hashApproverToken(token)), isNull(approvers.disabledAt)));
      return row;
    },

    async mayApprove(approver: Approver, shop: string, companyLocationGid: string): Promise<boolean> {
      if (approver.shop !== shop) return false;
      const [row] = await db
        .select({ id: approverLocations.approverId })
        .from(approverLocations)
        .where(and(eq(approverLocations.approverId, approver.id), eq(approverLocations.companyLocationGid, companyLocationGid)));
      return row !== undefined;
    },
  };
}

export type ApproverRepository = ReturnType<typeof createApproverRepository>;
