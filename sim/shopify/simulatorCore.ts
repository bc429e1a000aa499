import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { BulkRunner } from './bulk/bulkRunner';
import type { BulkOperationRecord } from './bulk/bulkOperationModel';
import { UnknownShopError } from './errors';
import type { FaultRule } from './faults/faultRules';
import type { SimulatorSettings } from './options';
import { createShopState, type ShopState } from './shop/shopState';
import { shopRegistrationSchema, type ShopRegistration } from './shop/shopRegistration';
import { makeGid } from './support/gid';
import type { Clock } from './support/clock';
import { seededRandom } from './support/random';
import { isoSeconds } from './support/time';
import { WebhookSender } from './webhooks/webhookSender';

/** The API version the simulator's schema is; responses and webhooks say so. */
export const SIMULATED_API_VERSION = '2026-07';

/** The simulator's shared state and services, handed to routes and resolvers. */
export interface SimulatorCore {
  readonly schema: GraphQLSchema;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: SimulatorSettings;
  readonly shops: Map<string, ShopState>;
  faults: FaultRule[];
  random: () => number;
  readonly webhooks: WebhookSender;
  readonly bulk: BulkRunner;
  nextBulkId(): number;
  shopOrThrow(shop: string): ShopState;
  registerShop(registration: ShopRegistration): ShopState;
  close(): void;
}

export function createSimulatorCore(schema: GraphQLSchema, settings: SimulatorSettings, clock: Clock, logger: Logger): SimulatorCore {
  const shops = new Map<string, ShopState>();
  let bulkId = 5_561_243_025_665;
  const webhooks = new WebhookSender({ clock, timeoutMs: settings.webhookTimeoutMs, timeScale: () => settings.webhookTimeScale, apiVersion: SIMULATED_API_VERSION, logger });
  const core: SimulatorCore = {
    schema,
    clock,
    logger,
    settings,
    shops,
    faults: [],
    random: seededRandom(settings.faultSeed),
    webhooks,
    bulk: new BulkRunner({ clock, chunksPerSlice: settings.bulkChunksPerSlice, onFinish: (op) => announceBulkFinish(core, op) }),
    nextBulkId: () => bulkId++,
    shopOrThrow(shop) {
      const state = shops.get(shop);
      if (!state) throw new UnknownShopError(shop);
      return state;
    },
    registerShop(registration) {
      const state = createShopState(shopRegistrationSchema.parse(registration), clock.now());
      shops.set(state.shop, state);
      return state;
    },
    close() {
      webhooks.close();
      core.bulk.close();
    },
  };
  for (const shop of settings.shops) core.registerShop(shop);
  return core;
}

/**
 * `bulk_operations/finish`, with the payload of Shopify's webhook reference
 * (https://shopify.dev/docs/api/webhooks/2026-07, topic bulk_operations/finish): status and
 * type lower-case; error_code lower-case too, or null.
 */
function announceBulkFinish(core: SimulatorCore, op: BulkOperationRecord): void {
  const shop = core.shops.get(op.shop);
  core.logger.info({ shop: op.shop, bulkOperationId: op.id, status: op.status }, 'bulk operation finished');
  if (!shop?.webhooks) return;
  core.webhooks.send(shop.webhookLog, shop.shop, shop.webhooks, 'bulk_operations/finish', {
    admin_graphql_api_id: makeGid('BulkOperation', op.id),
    completed_at: op.completedAt === null ? null : isoSeconds(op.completedAt),
    created_at: isoSeconds(op.createdAt),
    error_code: op.errorCode === null ? null : op.errorCode.toLowerCase(),
    status: op.status.toLowerCase(),
    type: op.type.toLowerCase(),
  });
}
