import { initialCatalog, type CatalogVersion } from '../catalog/catalogSpec';
import type { BulkFaults, BulkOperationRecord } from '../bulk/bulkOperationModel';
import { DraftOrderBook } from '../draftOrders/draftOrderBook';
import { MetafieldStore } from '../metafields/metafieldStore';
import { LeakyBucket } from '../throttle/leakyBucket';
import { WebhookLog } from '../webhooks/webhookLog';
import type { WebhookTarget } from '../webhooks/webhookSender';
import { RESTORE_RATE, defaultBucketSize, type Plan } from './plans';
import type { ParsedShopRegistration } from './shopRegistration';

/** An invoice `draftOrderInvoiceSend` would have emailed. */
export interface SentInvoice {
  draftOrderId: string;
  to: string | null;
  subject: string | null;
  customMessage: string | null;
  sentAt: string;
}

/** What the GraphQL endpoint answered, so tests can assert "zero THROTTLED" from Shopify's side. */
export interface RequestStats {
  requests: number;
  throttled: number;
  maxCostExceeded: number;
  faulted: number;
  executed: number;
  /** Highest number of requests being executed at once (after the bucket let them in). */
  peakInFlight: number;
  inFlight: number;
  /** Points charged (actual cost) over every executed request: what the bucket really paid. */
  pointsCharged: number;
}

/** Everything the simulator knows about one shop (one app installed on it). */
export interface ShopState {
  /** As registered: a per-shop reset rebuilds the state from it. */
  readonly registration: ParsedShopRegistration;
  readonly shop: string;
  readonly accessToken: string;
  readonly plan: Plan;
  readonly shopId: number;
  readonly name: string;
  readonly currencyCode: string;
  readonly bucket: LeakyBucket;
  catalog: CatalogVersion;
  webhooks: WebhookTarget | null;
  bulkFaults: BulkFaults | null;
  readonly drafts: DraftOrderBook;
  readonly metafields: MetafieldStore;
  readonly bulkOperations: Map<number, BulkOperationRecord>;
  readonly webhookLog: WebhookLog;
  readonly invoices: SentInvoice[];
  readonly stats: RequestStats;
  /** Every request for a bulk result file, with its Range header: how a test sees a resumed download. */
  readonly bulkDownloads: { bulkOperationId: number; range: string | null; at: string }[];
}

let nextShopId = 74_512_380_417;

export function createShopState(registration: ParsedShopRegistration, now: number): ShopState {
  const plan = registration.plan;
  return {
    registration,
    shop: registration.shop,
    accessToken: registration.accessToken,
    plan,
    shopId: nextShopId++,
    name: registration.name ?? registration.shop.replace(/\.myshopify\.com$/, ''),
    currencyCode: registration.currencyCode,
    bucket: new LeakyBucket(registration.bucketSize ?? defaultBucketSize(plan), RESTORE_RATE[plan], now),
    catalog: initialCatalog({ ...registration.catalog, currencyCode: registration.currencyCode }),
    webhooks: registration.webhooks,
    bulkFaults: null,
    drafts: new DraftOrderBook(registration.currencyCode),
    metafields: new MetafieldStore(),
    bulkOperations: new Map(),
    webhookLog: new WebhookLog(),
    invoices: [],
    bulkDownloads: [],
    stats: { requests: 0, throttled: 0, maxCostExceeded: 0, faulted: 0, executed: 0, peakInFlight: 0, inFlight: 0, pointsCharged: 0 },
  };
}
