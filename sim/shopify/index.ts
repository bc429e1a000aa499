export { createShopifySimulator, type RunningSimulator, type ShopifySimulator } from './createShopifySimulator';
export type { ShopifySimulatorOptions } from './options';
export type { ShopRegistration } from './shop/shopRegistration';
export type { FaultRule } from './faults/faultRules';
export type { BulkFaults } from './bulk/bulkOperationModel';
export { ManualClock, type Clock } from './support/clock';
