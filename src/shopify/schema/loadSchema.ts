import { readFileSync } from 'node:fs';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { ensureShopifySchemas, schemaPath, type SchemaName } from './schemaFiles';

const cache = new Map<SchemaName, GraphQLSchema>();

/**
 * The real Shopify schema (Admin API 2026-07, or the Cart and Checkout Validation Function
 * API), built once per process from the cached introspection file (fetched on first use).
 */
export function loadShopifySchema(name: SchemaName): GraphQLSchema {
  const cached = cache.get(name);
  if (cached) return cached;
  ensureShopifySchemas();
  const json = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as { data?: IntrospectionQuery } & IntrospectionQuery;
  // The admin file wraps the introspection in `data`; the function file may not.
  const schema = buildClientSchema(json.data ?? json);
  cache.set(name, schema);
  return schema;
}

export const loadAdminSchema = (): GraphQLSchema => loadShopifySchema('admin');
