import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Db, Tx } from '../db/client';
import { classifyDbError, sqlState } from '../db/errors';
import type { WebhookHandlerName } from '../domain/webhooks/topicRoutes';
import { InvalidPayloadError, errorMessage } from '../errors';
import { applyInboxEvent, type InboxEvent } from '../repositories/inboxEvents';
import * as catalog from '../repositories/catalogWriter';
import * as compliance from '../repositories/complianceWriter';
import * as people from '../repositories/customerWriter';
import { upsertOrder, type WriteResult } from '../repositories/orderWriter';
import { routeBulkOperationFinish } from '../repositories/catalogImportEvents';
import { mapCustomerPrivacyPayload } from '../shopify/payloads/compliance';
import { mapCompanyLocationPayload, mapCompanyPayload, mapCustomerPayload } from '../shopify/payloads/customer';
import { mapInventoryLevelPayload, mapLocationPayload } from '../shopify/payloads/inventory';
import { mapOrderPayload } from '../shopify/payloads/order';
import { mapDeletedId, mapProductPayload } from '../shopify/payloads/product';
import type { HandlerResult, WebhookHandlerActivities, WebhookRef } from './types';

type Apply = (tx: Tx, event: InboxEvent) => Promise<WriteResult>;

/** One line per handler: parse the payload, hand the record to its writer. */
const APPLY: Record<WebhookHandlerName, Apply> = {
  applyOrder: (tx, e) => upsertOrder(tx, e.shop, mapOrderPayload(e.payload), e.eventAt),
  applyProduct: (tx, e) => catalog.upsertProduct(tx, e.shop, mapProductPayload(e.payload), e.eventAt),
  deleteProduct: (tx, e) => catalog.softDeleteProduct(tx, e.shop, mapDeletedId(e.payload, 'Product'), e.eventAt),
  applyInventoryLevel: (tx, e) => catalog.upsertInventoryLevel(tx, e.shop, mapInventoryLevelPayload(e.payload), e.eventAt),
  disconnectInventoryLevel: (tx, e) => catalog.deleteInventoryLevel(tx, e.shop, mapInventoryLevelPayload(e.payload), e.eventAt),
  applyLocation: (tx, e) => catalog.upsertLocation(tx, e.shop, mapLocationPayload(e.payload), e.eventAt),
  deleteLocation: (tx, e) => catalog.softDeleteLocation(tx, e.shop, mapDeletedId(e.payload, 'Location'), e.eventAt),
  applyCustomer: (tx, e) => people.upsertCustomer(tx, e.shop, mapCustomerPayload(e.payload), e.eventAt),
  deleteCustomer: (tx, e) => people.tombstoneCustomer(tx, e.shop, mapDeletedId(e.payload, 'Customer'), e.eventAt),
  applyCompany: (tx, e) => people.upsertCompany(tx, e.shop, mapCompanyPayload(e.payload), e.eventAt),
  deleteCompany: (tx, e) => people.softDeleteCompany(tx, e.shop, mapDeletedId(e.payload, 'Company'), e.eventAt),
  applyCompanyLocation: (tx, e) => people.upsertCompanyLocation(tx, e.shop, mapCompanyLocationPayload(e.payload), e.eventAt),
  deleteCompanyLocation: (tx, e) => people.softDeleteCompanyLocation(tx, e.shop, mapDeletedId(e.payload, 'CompanyLocation'), e.eventAt),
  uninstallShop: (tx, e) => compliance.markShopUninstalled(tx, e.shop, e.eventAt),
  recordCustomerDataRequest: (tx, e) =>
    compliance.recordCustomerDataRequest(tx, e, mapCustomerPrivacyPayload(e.payload, 'customers/data_request')),
  redactCustomer: (tx, e) => compliance.redactCustomer(tx, e, mapCustomerPrivacyPayload(e.payload, 'customers/redact')),
  redactShop: (tx, e) => compliance.redactShop(tx, e),
  routeBulkOperationFinish: (tx, e) => routeBulkOperationFinish(tx, e),
};

/**
 * A handler keeps retrying while PostgreSQL is unavailable: an outage must not turn good
 * events into dead ones. A data error (constraint violation, ...) gets this many attempts,
 * in case a concurrent event resolves it (a SKU moving between products), then gives up.
 */
export const DATA_ERROR_ATTEMPTS = 5;

export function createWebhookHandlerActivities({ db }: { db: Db }): WebhookHandlerActivities {
  const run = (name: WebhookHandlerName) =>
    async function handle(ref: WebhookRef): Promise<HandlerResult> {
      try {
        const outcome = await applyInboxEvent(db, ref.webhookId, APPLY[name]);
        switch (outcome.outcome) {
          case 'applied':
            return {
              outcome: outcome.result.applied ? 'applied' : 'stale',
              rows: outcome.result.rows,
              ...(outcome.result.signal ? { signal: outcome.result.signal } : {}),
              ...(outcome.result.constraintsChanged ? { constraintsChanged: true } : {}),
            };
          case 'already_processed':
            return { outcome: 'already_processed', rows: 0 };
          case 'missing':
            throw ApplicationFailure.nonRetryable(`inbox has no event ${ref.webhookId}`, 'INBOX_EVENT_MISSING');
          default:
            return assertNever(outcome);
        }
      } catch (err) {
        throw toActivityFailure(err);
      }
    };
  const activities = {} as WebhookHandlerActivities;
  for (const name of Object.keys(APPLY) as WebhookHandlerName[]) activities[name] = run(name);
  return activities;
}

function toActivityFailure(err: unknown): unknown {
  if (err instanceof ApplicationFailure) return err;
  err = withoutQueryParameters(err);
  if (err instanceof InvalidPayloadError) {
    return ApplicationFailure.nonRetryable(err.message, err.code, err.details);
  }
  if (classifyDbError(err) === 'data' && Context.current().info.attempt >= DATA_ERROR_ATTEMPTS) {
    return ApplicationFailure.nonRetryable(`gave up after ${DATA_ERROR_ATTEMPTS} attempts: ${errorMessage(err)}`, 'DATA_ERROR');
  }
  return err;
}

/**
 * drizzle's query errors quote the statement and its parameters, which hold customer data
 * from the payload. Failures are stored in workflow history and logged, so keep only the
 * driver's message and SQLSTATE.
 */
function withoutQueryParameters(err: unknown): unknown {
  const cause = (err as { cause?: unknown })?.cause;
  if (!(err instanceof Error) || !(cause instanceof Error) || !('query' in err)) return err;
  const code = sqlState(cause);
  const clean = new Error(code ? `${errorMessage(err)} (SQLSTATE ${code})` : errorMessage(err));
  Object.assign(clean, { code });
  return clean;
}

function assertNever(value: never): never {
  throw new Error(`unexpected outcome ${JSON.stringify(value)}`);
}
