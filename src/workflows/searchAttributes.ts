import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes, so the Temporal Web UI filters workflows by business key
 * (`B2bShop = "acme.myshopify.com"`, `B2bCartGroup = "…"`). Set when a workflow starts (no
 * extra history events); registered on the namespace at worker start
 * (src/temporal/registerSearchAttributes.ts), by the dev server's flags and by
 * docker-compose's namespace job.
 */
export const B2B_SHOP = defineSearchAttributeKey('B2bShop', SearchAttributeType.KEYWORD);
export const B2B_TOPIC = defineSearchAttributeKey('B2bTopic', SearchAttributeType.KEYWORD);
export const B2B_COMPANY_LOCATION = defineSearchAttributeKey('B2bCompanyLocation', SearchAttributeType.KEYWORD);
export const B2B_CART_GROUP = defineSearchAttributeKey('B2bCartGroup', SearchAttributeType.KEYWORD);

export const B2B_SEARCH_ATTRIBUTES = [B2B_SHOP, B2B_TOPIC, B2B_COMPANY_LOCATION, B2B_CART_GROUP] as const;

/** Name → type, as `temporal server start-dev --search-attribute` takes them. */
export const SEARCH_ATTRIBUTE_FLAGS: Record<string, string> = { B2bShop: 'Keyword', B2bTopic: 'Keyword', B2bCompanyLocation: 'Keyword', B2bCartGroup: 'Keyword' };
