import { AppError } from '../../errors';
import type { ShopRepository } from '../../repositories/shopRepository';
import type { AdminClient, ShopAdminClient } from './adminClient';

export class ShopNotInstalledError extends AppError {
  constructor(shop: string) {
    super(`${shop} has not installed the app (no access token)`, 'SHOP_NOT_INSTALLED', { shop });
  }
}

/** The Admin client of a shop, with the access token it installed with. */
export function createShopClients(client: AdminClient, shops: Pick<ShopRepository, 'accessToken'>) {
  return {
    async forShop(shop: string): Promise<ShopAdminClient> {
      const token = await shops.accessToken(shop);
      if (!token) throw new ShopNotInstalledError(shop);
      return client.forShop(shop, token);
    },
  };
}

export type ShopClients = ReturnType<typeof createShopClients>;
