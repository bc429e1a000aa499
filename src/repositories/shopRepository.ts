import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { shops } from '../db/schema';

export function createShopRepository(db: Db) {
  return {
    /** Records (or refreshes) an install and its Admin API token. */
    async saveInstall(shop: string, accessToken: string): Promise<void> {
      await db
        .insert(shops)
        .values({ domain: shop, accessToken })
        .onConflictDoUpdate({ target: shops.domain, set: { accessToken, uninstalledAt: null, installedAt: new Date(), updatedAt: new Date() } });
    },

    /** The token of an installed shop, or undefined if it never installed or uninstalled. */
    async accessToken(shop: string): Promise<string | undefined> {
      const [row] = await db
        .select({ token: shops.accessToken })
        .from(shops)
        .where(and(eq(shops.domain, shop), isNull(shops.uninstalledAt)));
      return row?.token ?? undefined;
    },
  };
}

export type ShopRepository = ReturnType<typeof createShopRepository>;
