import { routeTopic, TOPIC_HANDLERS, webhookWorkflowId } from './topicRoutes';

describe('routeTopic', () => {
  it.each([
    ['orders/create', 'applyOrder'],
    ['orders/cancelled', 'applyOrder'],
    ['products/delete', 'deleteProduct'],
    ['company_locations/update', 'applyCompanyLocation'],
    ['inventory_levels/update', 'applyInventoryLevel'],
    ['shop/redact', 'redactShop'],
  ])('%s is handled by %s', (topic, handler) => {
    expect(routeTopic(topic)).toEqual({ kind: 'handle', handler });
  });

  it.each(['themes/publish', 'orders/edited', 'constructor', '__proto__', ''])('%p is ignored', (topic) => {
    expect(routeTopic(topic)).toEqual({ kind: 'ignore' });
  });

  it('covers the mandatory compliance topics', () => {
    expect(Object.keys(TOPIC_HANDLERS)).toEqual(expect.arrayContaining(['customers/data_request', 'customers/redact', 'shop/redact']));
  });
});

it('derives the workflow ID from the webhook ID', () => {
  expect(webhookWorkflowId('b54557e4')).toBe('webhook-b54557e4');
});
