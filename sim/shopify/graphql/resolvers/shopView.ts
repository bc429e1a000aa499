import { ownerMetafieldFields } from '../../metafields/metafieldViews';
import { PLAN_DISPLAY } from '../../shop/plans';
import { makeGid } from '../../support/gid';
import { isoSeconds } from '../../support/time';
import type { RequestContext } from '../requestContext';
import type { View } from '../view';

export function shopView(ctx: RequestContext): View {
  const { shop } = ctx;
  const gid = makeGid('Shop', shop.shopId);
  const plan = PLAN_DISPLAY[shop.plan];
  return {
    __typename: 'Shop',
    id: gid,
    name: shop.name,
    myshopifyDomain: shop.shop,
    url: `https://${shop.shop}`,
    email: `owner@${shop.shop}`,
    contactEmail: `owner@${shop.shop}`,
    currencyCode: shop.currencyCode,
    enabledPresentmentCurrencies: [shop.currencyCode],
    ianaTimezone: 'America/Chicago',
    timezoneAbbreviation: 'CDT',
    timezoneOffset: '-0500',
    timezoneOffsetMinutes: -300,
    taxesIncluded: false,
    taxShipping: false,
    weightUnit: 'KILOGRAMS',
    unitSystem: 'METRIC_SYSTEM',
    checkoutApiSupported: true,
    setupRequired: false,
    createdAt: isoSeconds(Date.parse('2024-03-01T00:00:00Z')),
    updatedAt: isoSeconds(Date.parse('2024-03-01T00:00:00Z')),
    plan: { __typename: 'ShopPlan', publicDisplayName: plan.publicDisplayName, displayName: plan.publicDisplayName, shopifyPlus: plan.shopifyPlus, partnerDevelopment: false },
    ...ownerMetafieldFields(shop.metafields, gid, ctx.core.settings.appNamespace),
  };
}
