import { Kind, getOperationAST, parse, type FragmentDefinitionNode } from 'graphql';
import { loadAdminSchema } from '../schema/loadSchema';
import { queryCost } from './queryCost';

const schema = loadAdminSchema();

function cost(query: string, variables: Record<string, unknown> = {}, data?: Record<string, unknown>): number {
  const document = parse(query);
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return queryCost(schema, getOperationAST(document)!, fragments, variables, data);
}

describe('requested query cost', () => {
  it.each([
    ['scalars on one object cost the object alone', '{ shop { id name currencyCode } }', {}, 1],
    ['a nested object adds 1', '{ shop { id plan { shopifyPlus } } }', {}, 2],
    ['a connection is 2 plus first × node cost', '{ productVariants(first: 10) { nodes { id sku } } }', {}, 12],
    [
      "Shopify's nested example: 2 + 10 × (1 + 2 + 5 × 1)",
      '{ products(first: 10) { edges { node { title variants(first: 5) { edges { node { price } } } } } } }',
      {},
      82,
    ],
    ['a connection read for pageInfo only costs 2', '{ products(first: 10) { pageInfo { hasNextPage } } }', {}, 2],
    ['page size comes from variables', 'query Q($n: Int) { productVariants(first: $n) { nodes { id } } }', { n: 50 }, 52],
    ['`last` counts like `first`', '{ draftOrders(last: 4) { edges { cursor node { id } } } }', {}, 6],
    ['an interface costs its most expensive possible selection', '{ node(id: "gid://x") { id ... on ProductVariant { product { id } } ... on DraftOrder { lineItems(first: 5) { nodes { id } } } } }', {}, 8],
    ['fragments count where they apply', 'query { shop { ...S } } fragment S on Shop { plan { displayName } }', {}, 2],
    ['a skipped field costs nothing', '{ shop { id } productVariants(first: 10) @skip(if: true) { nodes { id } } }', {}, 1],
    ['a mutation costs 10 whatever its payload objects', 'mutation { draftOrderDelete(input: { id: "x" }) { deletedId userErrors { field message } } }', {}, 10],
    ['a connection in a mutation payload is still charged', 'mutation { draftOrderCreate(input: {}) { draftOrder { lineItems(first: 10) { nodes { id } } } userErrors { field } } }', {}, 22],
    ['nested connections multiply', '{ productVariants(first: 250) { nodes { product { variants(first: 250) { nodes { id } } } } } }', {}, 2 + 250 * (1 + 1 + 2 + 250)],
  ])('%s', (_name, query, variables, expected) => {
    expect(cost(query, variables)).toBe(expected);
  });
});

describe('actual query cost', () => {
  it('counts the nodes that came back, not the page size asked for', () => {
    const query = '{ productVariants(first: 250) { nodes { id inventoryItem { id } } } }';
    expect(cost(query)).toBe(2 + 250 * 2);
    const data = { productVariants: { nodes: [{ id: 'a', inventoryItem: { id: 'i' } }, { id: 'b', inventoryItem: null }] } };
    expect(cost(query, {}, data)).toBe(2 + 2 + 1);
  });

  it('an object that came back null costs nothing', () => {
    expect(cost('{ draftOrder(id: "gid://shopify/DraftOrder/1") { id } }', {}, { draftOrder: null })).toBe(0);
  });
});
