/** A shop's permanent domain: `<handle>.myshopify.com`, the handle being letters, digits and hyphens. */
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,99}\.myshopify\.com$/;

/** Lower-cased domain when valid, otherwise undefined. */
export function normalizeShopDomain(value: string): string | undefined {
  const domain = value.trim().toLowerCase();
  return SHOP_DOMAIN.test(domain) ? domain : undefined;
}
