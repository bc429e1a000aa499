import type { z } from 'zod';
import { TOPIC_HANDLERS, routeTopic, type WebhookHandlerName } from '../../domain/webhooks/topicRoutes';
import { bulkOperationFinishSchema } from './bulkOperation';
import { customerRedactSchema, dataRequestSchema } from './compliance';
import { companyLocationSchema, companySchema, customerSchema } from './customer';
import { inventoryLevelSchema, locationSchema } from './inventory';
import { orderSchema } from './order';
import { deletedSchema, productSchema } from './product';

/**
 * The part of a payload a handler reads: `keep` a value whole, keep only some fields of an
 * object, or apply a tree to every element of an array. JSON-shaped so it can be printed.
 */
export type FieldTree =
  | { kind: 'keep' }
  | { kind: 'object'; fields: Readonly<Record<string, FieldTree>> }
  | { kind: 'array'; element: FieldTree };

const KEEP: FieldTree = { kind: 'keep' };
const NOTHING: FieldTree = { kind: 'object', fields: {} };

/**
 * The zod schemas each handler parses its payload with (see src/activities/webhookHandlers.ts).
 * Typed over every handler name, so a new handler does not compile until it says what it
 * reads. An empty list: the handler reads only the headers (shop, webhook ID).
 */
export const HANDLER_PAYLOAD_SCHEMAS: Readonly<Record<WebhookHandlerName, readonly z.ZodType[]>> = {
  applyOrder: [orderSchema],
  applyProduct: [productSchema],
  deleteProduct: [deletedSchema],
  applyInventoryLevel: [inventoryLevelSchema],
  disconnectInventoryLevel: [inventoryLevelSchema],
  applyLocation: [locationSchema],
  deleteLocation: [deletedSchema],
  applyCustomer: [customerSchema],
  deleteCustomer: [deletedSchema],
  applyCompany: [companySchema],
  deleteCompany: [deletedSchema],
  applyCompanyLocation: [companyLocationSchema],
  deleteCompanyLocation: [deletedSchema],
  uninstallShop: [],
  recordCustomerDataRequest: [dataRequestSchema],
  redactCustomer: [customerRedactSchema],
  redactShop: [],
  routeBulkOperationFinish: [bulkOperationFinishSchema],
};

/** Shape of zod v4's schema definitions, as far as the walk needs it. */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}

const def = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** Wrappers whose input is the wrapped schema's input. */
const TRANSPARENT = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);
/** Schemas that read a value whole: scalars, and anything that sees the value as one (transforms, records, tuples). */
const WHOLE = new Set([
  'string', 'number', 'int', 'boolean', 'bigint', 'date', 'enum', 'literal', 'null', 'undefined', 'nan',
  'template_literal', 'any', 'unknown', 'transform', 'record', 'map', 'set', 'tuple', 'custom', 'void',
]);

/**
 * The fields a schema reads from its input. Derived, never hand-listed, so the edge and the
 * origin cannot disagree. Conservative: whatever is not understood is kept whole.
 */
export function fieldTreeOf(schema: z.ZodType): FieldTree {
  const d = def(schema);
  if (TRANSPARENT.has(d.type)) return fieldTreeOf(d.innerType!);
  if (WHOLE.has(d.type)) return KEEP;
  switch (d.type) {
    case 'object': {
      // Passthrough (catchall unknown) keeps every key; strict (catchall never) would turn an
      // invalid payload valid if extra keys were dropped, so it is kept whole too.
      if (d.catchall) return KEEP;
      const fields: Record<string, FieldTree> = {};
      for (const [key, child] of Object.entries(d.shape!)) fields[key] = fieldTreeOf(child);
      return { kind: 'object', fields };
    }
    case 'array':
      return { kind: 'array', element: fieldTreeOf(d.element!) };
    case 'pipe':
      // Only the first stage sees the payload; later stages see its output.
      return fieldTreeOf(d.in!);
    case 'union':
      return d.options!.map(fieldTreeOf).reduce(mergeFieldTrees);
    case 'intersection':
      return mergeFieldTrees(fieldTreeOf(d.left!), fieldTreeOf(d.right!));
    default:
      // lazy, promise, function, ...: not used by payload schemas; keep rather than guess.
      return KEEP;
  }
}

/** What either tree reads. Differently shaped trees read the value whole. */
export function mergeFieldTrees(a: FieldTree, b: FieldTree): FieldTree {
  if (a.kind === 'keep' || b.kind === 'keep') return KEEP;
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', element: mergeFieldTrees(a.element, b.element) };
  if (a.kind === 'object' && b.kind === 'object') {
    const fields: Record<string, FieldTree> = { ...a.fields };
    for (const [key, tree] of Object.entries(b.fields)) {
      fields[key] = Object.hasOwn(fields, key) ? mergeFieldTrees(fields[key]!, tree) : tree;
    }
    return { kind: 'object', fields };
  }
  return KEEP;
}

function buildTopicFields(): ReadonlyMap<string, FieldTree> {
  const byTopic = new Map<string, FieldTree>();
  for (const topic of Object.keys(TOPIC_HANDLERS)) {
    const route = routeTopic(topic);
    if (route.kind !== 'handle') continue;
    const schemas = HANDLER_PAYLOAD_SCHEMAS[route.handler];
    byTopic.set(topic, schemas.map(fieldTreeOf).reduce(mergeFieldTrees, NOTHING));
  }
  return byTopic;
}

/** Per handled topic, the fields the origin reads. Topics the origin ignores have no entry. */
export const TOPIC_PAYLOAD_FIELDS: ReadonlyMap<string, FieldTree> = buildTopicFields();

export function payloadFieldsFor(topic: string): FieldTree | undefined {
  return TOPIC_PAYLOAD_FIELDS.get(topic);
}
