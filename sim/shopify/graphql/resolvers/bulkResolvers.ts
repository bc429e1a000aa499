import { randomBytes } from 'node:crypto';
import { parseUpdatedAtFilter, type BulkFileSpec } from '../../bulk/bulkFileSpec';
import { isActive, type BulkOperationRecord } from '../../bulk/bulkOperationModel';
import { planBulkQuery, type SampleViews } from '../../bulk/bulkQueryPlan';
import type { CatalogVersion } from '../../catalog/catalogSpec';
import { inventoryItemView, inventoryLevelView, locationView, productMetafieldView, productView, variantView } from '../../catalog/catalogViews';
import { parseSearchQuery } from '../../draftOrders/draftOrderSearch';
import { gidNumber } from '../../support/gid';
import { arrayNodeList, toConnection, type PageArgs } from '../connections';
import type { RequestContext, RootResolver } from '../requestContext';
import { bulkOperationView } from './bulkOperationView';

/**
 * Concurrent bulk query operations per shop: five from API 2026-01, one before
 * (https://shopify.dev/docs/api/usage/bulk-operations/queries).
 */
export function bulkConcurrencyLimit(apiVersion: string): number {
  return apiVersion === 'unstable' || apiVersion >= '2026-01' ? 5 : 1;
}

function samples(catalog: CatalogVersion): SampleViews {
  const byType: Record<string, () => ReturnType<typeof productView>> = {
    Product: () => productView(catalog, 0),
    ProductVariant: () => variantView(catalog, 0),
    InventoryItem: () => inventoryItemView(catalog, 0),
    InventoryLevel: () => inventoryLevelView(catalog, 0, 0),
    Location: () => locationView(catalog, 0),
    Metafield: () => productMetafieldView(catalog, 0, 0),
  };
  return (typeName) => byType[typeName]?.();
}

const userError = (field: string[] | null, message: string, code: string) => ({ bulkOperation: null, userErrors: [{ field, message, code }] });

function runQuery(args: Record<string, unknown>, ctx: RequestContext): unknown {
  const { shop, core } = ctx;
  const query = String(args.query);
  const planned = planBulkQuery(core.schema, query, samples(shop.catalog));
  if (!planned.ok) return userError(['query'], planned.message, 'INVALID');
  const filter = planned.plan.rootArgs.query;
  if (typeof filter === 'string' && filter.trim() !== '' && (planned.plan.root === 'locations' || !parseUpdatedAtFilter(filter))) {
    return userError(['query'], `The Shopify simulator filters bulk exports by updated_at only (got query: "${filter}").`, 'INVALID');
  }
  const limit = bulkConcurrencyLimit(ctx.apiVersion);
  const running = [...shop.bulkOperations.values()].filter((op) => op.type === 'QUERY' && isActive(op));
  if (running.length >= limit) {
    return limit === 1
      ? userError(null, `A bulk query operation for this app and shop is already in progress: gid://shopify/BulkOperation/${running[0]!.id}.`, 'OPERATION_IN_PROGRESS')
      : userError(null, `A maximum of ${limit} bulk query operations can run at the same time for this app and shop.`, 'LIMIT_REACHED');
  }
  const fault = shop.bulkFaults;
  const file: BulkFileSpec = {
    plan: planned.plan,
    catalog: shop.catalog,
    groupObjects: args.groupObjects === true,
    chunkSize: core.settings.bulkChunkSize,
    malformedLine: fault?.malformedLine ?? null,
  };
  const op: BulkOperationRecord = {
    id: core.nextBulkId(),
    shop: shop.shop,
    type: 'QUERY',
    status: 'CREATED',
    query,
    createdAt: ctx.now,
    completedAt: null,
    errorCode: null,
    objectCount: 0,
    rootObjectCount: 0,
    file,
    fault,
    index: null,
    token: randomBytes(12).toString('hex'),
  };
  shop.bulkOperations.set(op.id, op);
  core.bulk.start(op);
  return { bulkOperation: bulkOperationView(op, ctx), userErrors: [] };
}

const newestFirst = (a: BulkOperationRecord, b: BulkOperationRecord): number => b.id - a.id;

export const bulkQueries: Record<string, RootResolver> = {
  bulkOperation: (args, ctx) => {
    const op = ctx.shop.bulkOperations.get(gidNumber(String(args.id), 'BulkOperation') ?? -1);
    return op ? bulkOperationView(op, ctx) : null;
  },
  currentBulkOperation: (args, ctx) => {
    if ((args.type ?? 'QUERY') !== 'QUERY') return null;
    const op = [...ctx.shop.bulkOperations.values()].sort(newestFirst)[0];
    return op ? bulkOperationView(op, ctx) : null;
  },
  bulkOperations: (args, ctx) => {
    const terms = parseSearchQuery(typeof args.query === 'string' ? args.query : '');
    const ops = [...ctx.shop.bulkOperations.values()].filter((op) =>
      terms.every((t) => (t.field === 'status' ? op.status.toLowerCase() === t.value : t.field === 'operation_type' || t.field === 'type' ? t.value === 'query' : true)),
    );
    return toConnection(arrayNodeList(ops.map((op) => bulkOperationView(op, ctx)), (_v, i) => ops[i]!.id).page(args as PageArgs));
  },
};

export const bulkMutations: Record<string, RootResolver> = {
  bulkOperationRunQuery: runQuery,
  bulkOperationCancel: (args, ctx) => {
    const op = ctx.shop.bulkOperations.get(gidNumber(String(args.id), 'BulkOperation') ?? -1);
    if (!op) return { bulkOperation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] };
    if (!isActive(op)) return { bulkOperation: bulkOperationView(op, ctx), userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}` }] };
    ctx.core.bulk.cancel(op);
    return { bulkOperation: bulkOperationView(op, ctx), userErrors: [] };
  },
};
