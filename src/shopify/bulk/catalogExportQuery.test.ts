import { getNamedType, parse, TypeInfo, validate, visit, visitWithTypeInfo } from 'graphql';
import { isConnectionType } from '../cost/queryCost';
import { loadAdminSchema } from '../schema/loadSchema';
import { CATALOG_EXPORT_QUERY } from './catalogExportQuery';

const schema = loadAdminSchema();

describe('the catalog export bulk query', () => {
  it('validates against the real Admin API 2026-07 schema', () => {
    expect(validate(schema, parse(CATALOG_EXPORT_QUERY))).toEqual([]);
  });

  it('stays within Shopify’s bulk limits: at most five connections, nested at most two deep', () => {
    const typeInfo = new TypeInfo(schema);
    const depths: number[] = [];
    let depth = -1;
    visit(
      parse(CATALOG_EXPORT_QUERY),
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter() {
            const type = typeInfo.getType();
            if (type && isConnectionType(getNamedType(type))) depths.push(++depth);
          },
          leave() {
            const type = typeInfo.getType();
            if (type && isConnectionType(getNamedType(type))) depth--;
          },
        },
      }),
    );
    expect(depths.length).toBeGreaterThanOrEqual(1);
    expect(depths.length).toBeLessThanOrEqual(5);
    expect(Math.max(...depths)).toBeLessThanOrEqual(2);
  });
});
