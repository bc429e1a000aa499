import type { WebhookMetadata } from '../shopify/webhooks/parseHeaders';
import type { EdgeConfig } from './edgeConfig';

export type FilterReason = 'shop_not_allowed' | 'topic_not_allowed';

/** Why an authentic webhook is not for the origin, or undefined when it is. */
export function filterReason(config: Pick<EdgeConfig, 'allowedShops' | 'allowedTopics'>, metadata: Pick<WebhookMetadata, 'shop' | 'topic'>): FilterReason | undefined {
  if (config.allowedShops !== 'all' && !config.allowedShops.has(metadata.shop)) return 'shop_not_allowed';
  if (!config.allowedTopics.has(metadata.topic)) return 'topic_not_allowed';
  return undefined;
}
