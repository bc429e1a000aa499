import type { CodegenConfig } from '@graphql-codegen/cli';
import { schemaPath } from './src/shopify/schema/schemaFiles';

/**
 * Types for every operation we send, generated from the real Admin API 2026-07 schema
 * (fetched by `npm run setup`). `npm run shopify:codegen` rewrites the output;
 * test/integration/shopifyOperations.test.ts fails when it is stale.
 */
const config: CodegenConfig = {
  schema: schemaPath('admin'),
  documents: ['src/shopify/operations/*.ts'],
  generates: {
    'src/shopify/operations/generated/admin.types.ts': {
      plugins: ['typescript-operations'],
      config: {
        onlyOperationTypes: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { ID: 'string', DateTime: 'string', Decimal: 'string', Money: 'string', URL: 'string', JSON: 'unknown', UnsignedInt64: 'string', FormattedString: 'string', HTML: 'string', Color: 'string', ARN: 'string', BigInt: 'string', UtcOffset: 'string', Date: 'string' },
        useTypeImports: true,
      },
    },
  },
};

export default config;
