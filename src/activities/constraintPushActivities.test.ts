import { createLogger } from '../logger';
import type { ConstraintSyncStarter } from '../constraints/constraintSyncStarter';
import { createConstraintPushActivities } from './constraintPushActivities';

const logger = createLogger('silent');
const starter = (start: ConstraintSyncStarter['start']): ConstraintSyncStarter => ({ start });

it('asks for a dirty sync of the shop and says whether it was requested', async () => {
  const calls: unknown[] = [];
  const push = createConstraintPushActivities({ starter: starter(async (shop, mode) => (calls.push([shop, mode]), { outcome: 'started', workflowId: `constraint-sync-${shop}` })), logger });
  expect(await push.requestConstraintPush({ shop: 'a.myshopify.com' })).toBe('requested');
  expect(calls).toEqual([['a.myshopify.com', 'dirty']]);
  const uninstalled = createConstraintPushActivities({ starter: starter(async () => ({ outcome: 'shop_not_installed' })), logger });
  expect(await uninstalled.requestConstraintPush({ shop: 'b.myshopify.com' })).toBe('not_installed');
});

it('never fails a cart: Temporal refusing or unreachable, or no client, defers to the next sync', async () => {
  const refused = createConstraintPushActivities({ starter: starter(async () => { throw new Error('search attribute B2bShop is not registered'); }), logger });
  expect(await refused.requestConstraintPush({ shop: 'a.myshopify.com' })).toBe('deferred');
  expect(await createConstraintPushActivities({ starter: undefined, logger }).requestConstraintPush({ shop: 'a.myshopify.com' })).toBe('deferred');
});
