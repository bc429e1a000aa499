import { readFileSync } from 'node:fs';
import path from 'node:path';
import { coerceInputValue, Kind, parse, validate, type GraphQLInputType, type OperationDefinitionNode } from 'graphql';
import { cartValidationsGenerateRun } from '../../extensions/cart-validation/src';
import { inputAlias } from '../../src/domain/constraints/checkoutInput';
import { locationMetafields } from '../../src/domain/constraints/locationConstraints';
import { LOCATION_KEYS, NAMESPACE } from '../../src/domain/constraints/metafieldKeys';
import { loadShopifySchema } from '../../src/shopify/schema/loadSchema';
import { checkoutInput } from './checkoutInputBuilder';

/** The Function against Shopify's real Cart and Checkout Validation Function API 2026-07 schema. */
const EXTENSION = path.join(__dirname, '../../extensions/cart-validation');
const query = readFileSync(path.join(EXTENSION, 'src/cart_validations_generate_run.graphql'), 'utf8');

describe('cart-validation Function against the Function API 2026-07 schema', () => {
  const schema = loadShopifySchema('cartValidation');

  it('its input query validates', () => {
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });

  it('the query reads every metafield key the sync may write on a company location, and no other', () => {
    const location = /location \{([\s\S]*?)\n {8}\}/.exec(query)![1]!;
    const read = [...location.matchAll(/(\w+): metafield\(namespace: "(\w+)", key: "(\w+)"\)/g)].map((m) => ({ alias: m[1], namespace: m[2], key: m[3] }));
    expect(read).toEqual(LOCATION_KEYS.map((key) => ({ alias: inputAlias(key), namespace: NAMESPACE, key })));
  });

  it('the toml targets cart.validations.generate.run with that query, on API 2026-07', () => {
    const toml = readFileSync(path.join(EXTENSION, 'shopify.extension.toml'), 'utf8');
    expect(toml).toMatch(/^api_version = "2026-07"$/m);
    expect(toml).toMatch(/target = "cart\.validations\.generate\.run"/);
    expect(toml).toMatch(/input_query = "src\/cart_validations_generate_run\.graphql"/);
    const op = parse(query).definitions[0] as OperationDefinitionNode;
    expect(op.kind).toBe(Kind.OPERATION_DEFINITION);
    expect(op.name?.value).toBe('CartValidationsGenerateRunInput');
  });

  it('its output coerces to CartValidationsGenerateRunResult, with errors and without', () => {
    const resultType = schema.getType('CartValidationsGenerateRunResult') as GraphQLInputType;
    const loc = 'gid://shopify/CompanyLocation/1';
    const values = locationMetafields({ quotas: [{ scope: { type: 'variant', gid: 'gid://shopify/ProductVariant/11' }, period: 'week', maxQuantity: 3, used: 1 }], quantityRules: [], priceStarts: [], creditRemaining: null });
    const line = { variantGid: 'gid://shopify/ProductVariant/11', productGid: 'gid://shopify/Product/5' };
    for (const quantity of [1, 9]) {
      const output = cartValidationsGenerateRun(checkoutInput({ locationGid: loc, locationValues: values, ownerValues: new Map(), lines: [{ ...line, quantity }], subtotal: '5.00' }));
      const problems: string[] = [];
      coerceInputValue(output, resultType, (p, _v, error) => problems.push(`${p.join('.')}: ${error.message}`));
      expect(problems).toEqual([]);
      expect(output.operations.length).toBe(quantity === 9 ? 1 : 0);
    }
  });
});
