import { and, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { shops } from '../db/schema';

export interface ShopListActivities {
  /** Shops with the app installed, i.e. with an access token. */
  listInstalledShops(): Promise<string[]>;
}

export function createShopListActivities({ db }: { db: Db }): ShopListActivities {
  return {
    async listInstalledShops() {
      const rows = await db.select({ domain: shops.domain }).from(shops).where(and(isNull(shops.uninstalledAt), isNotNull(shops.accessToken))).orderBy(shops.domain);
      return rows.map((r) => r.domain);
    },
  };
}
