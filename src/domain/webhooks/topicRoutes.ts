/**
 * Which handler applies each Shopify webhook topic. Rules as data: supporting a topic is a
 * line here plus a handler, never a branch in the workflow. Pure, so the API (to decide
 * what to record) and the workflow (to dispatch) share it.
 */
export const TOPIC_HANDLERS = {
  'orders/create': 'applyOrder',
  'orders/updated': 'applyOrder',
  'orders/cancelled': 'applyOrder',
  'orders/edited': 'ignoreTopic',
  'products/create': 'applyProduct',
  'products/update': 'applyProduct',
  'products/delete': 'deleteProduct',
  'customers/create': 'applyCustomer',
  'customers/update': 'applyCustomer',
  'customers/enable': 'applyCustomer',
  'customers/disable': 'applyCustomer',
  'customers/delete': 'deleteCustomer',
  'companies/create': 'applyCompany',
  'companies/update': 'applyCompany',
  'companies/delete': 'deleteCompany',
  'company_locations/create': 'applyCompanyLocation',
  'company_locations/update': 'applyCompanyLocation',
  'company_locations/delete': 'deleteCompanyLocation',
  'locations/create': 'applyLocation',
  'locations/update': 'applyLocation',
  'locations/activate': 'applyLocation',
  'locations/deactivate': 'applyLocation',
  'locations/delete': 'deleteLocation',
  'inventory_levels/update': 'applyInventoryLevel',
  'inventory_levels/connect': 'applyInventoryLevel',
  'inventory_levels/disconnect': 'disconnectInventoryLevel',
  'app/uninstalled': 'uninstallShop',
  // Wakes the catalog import waiting for that export (the handler names the workflow).
  'bulk_operations/finish': 'routeBulkOperationFinish',
  // Mandatory privacy topics: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
  'customers/data_request': 'recordCustomerDataRequest',
  'customers/redact': 'redactCustomer',
  'shop/redact': 'redactShop',
} as const;

type HandlerOrIgnore = (typeof TOPIC_HANDLERS)[keyof typeof TOPIC_HANDLERS];
export type WebhookHandlerName = Exclude<HandlerOrIgnore, 'ignoreTopic'>;

export type TopicRoute = { kind: 'handle'; handler: WebhookHandlerName } | { kind: 'ignore' };

export function routeTopic(topic: string): TopicRoute {
  // Own keys only: a topic named "constructor" must not find Object.prototype.
  if (!Object.hasOwn(TOPIC_HANDLERS, topic)) return { kind: 'ignore' };
  const handler = (TOPIC_HANDLERS as Record<string, HandlerOrIgnore>)[topic]!;
  if (handler === 'ignoreTopic') return { kind: 'ignore' };
  return { kind: 'handle', handler };
}

/** Workflow IDs come from the business key: one workflow per Shopify webhook delivery ID. */
export function webhookWorkflowId(webhookId: string): string {
  return `webhook-${webhookId}`;
}
