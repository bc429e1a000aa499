import { startHarness, TEST_SHOP, type Harness } from '../testing/harness';

describe('Admin GraphQL endpoint', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('a misspelled field is rejected before execution with Shopify error shape and code undefinedField', async () => {
    const res = await h.gql('query GetShop { shop { id nmae } }');
    expect(res.status).toBe(200);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      {
        message: "Field 'nmae' doesn't exist on type 'Shop'",
        locations: [{ line: 1, column: 27 }],
        path: ['query GetShop', 'shop', 'nmae'],
        extensions: { code: 'undefinedField', typeName: 'Shop', fieldName: 'nmae' },
      },
    ]);
    expect(res.body.extensions.cost).toMatchObject({ requestedQueryCost: 0, actualQueryCost: 0 });
  });

  it.each([
    ['a misspelled root field names QueryRoot', '{ shopp { id } }', "Field 'shopp' doesn't exist on type 'QueryRoot'", 'undefinedField'],
    ['a missing required argument', '{ draftOrder { id } }', "Field 'draftOrder' is missing required arguments: id", 'missingRequiredArguments'],
    ['an unknown argument', '{ shop(id: "x") { id } }', "Field 'shop' doesn't accept argument 'id'", 'argumentNotAccepted'],
    ['an object without selections', '{ shop }', "Field must have selections (field 'shop' returns Shop but has no selections. Did you mean 'shop { ... }'?)", 'selectionMismatch'],
    ['an unused variable', 'query Q($x: ID) { shop { id } }', 'Variable $x is declared by Q but not used', 'variableNotUsed'],
    ['a literal of the wrong type', '{ productVariants(first: "ten") { nodes { id } } }', 'Argument \'first\' on Field \'productVariants\' has an invalid value ("ten"). Expected type \'Int\'.', 'argumentLiteralsIncompatible'],
  ])('%s is a validation error in graphql-ruby wording', async (_name, query, message, code) => {
    const res = await h.gql(query);
    expect(res.body.errors[0]).toMatchObject({ message, extensions: { code } });
  });

  it('a syntax error is reported like graphql-ruby', async () => {
    const res = await h.gql('{ shop { id }');
    expect(res.body.errors).toEqual([{ message: 'Unexpected end of document', locations: [{ line: 1, column: 14 }] }]);
  });

  it('a valid root field the simulator lacks is a GraphQL error that says so', async () => {
    const res = await h.gql('{ orders(first: 1) { nodes { id } } }');
    expect(res.body.errors[0]).toMatchObject({ path: ['orders'], extensions: { code: 'SIMULATOR_NOT_IMPLEMENTED', field: 'orders' } });
    expect(res.body.errors[0].message).toMatch(/does not implement the query field 'orders'/);
  });

  it('a variable that does not fit its type is refused with INVALID_VARIABLE', async () => {
    const res = await h.gql('mutation M($input: DraftOrderInput!) { draftOrderCreate(input: $input) { userErrors { message } } }', { input: { lineItems: [{ variantId: 'x' }] } });
    expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'INVALID_VARIABLE' } });
    expect(res.body.errors[0].message).toMatch(/^Variable \$input of type DraftOrderInput! was provided invalid value for lineItems\.0/);
  });

  it('a wrong access token gets 401 with Shopify body', async () => {
    const res = await h.gql('{ shop { id } }', undefined, { token: 'nope' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  });

  it('an unknown shop gets 404', async () => {
    const res = await fetch(`${h.url}/nobody.myshopify.com/admin/api/2026-07/graphql.json`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(404);
  });

  it('a valid query executes against the shop and reports its cost', async () => {
    const res = await h.gql('{ shop { id name myshopifyDomain plan { publicDisplayName shopifyPlus } } }');
    expect(res.body.data.shop).toMatchObject({ myshopifyDomain: TEST_SHOP, plan: { publicDisplayName: 'Plus', shopifyPlus: true } });
    expect(res.body.extensions.cost).toEqual({
      requestedQueryCost: 2,
      actualQueryCost: 2,
      throttleStatus: { maximumAvailable: 20000, currentlyAvailable: expect.any(Number), restoreRate: 1000 },
    });
    expect(res.headers.get('x-shopify-api-version')).toBe('2026-07');
  });

  it('a field a view lacks is an error naming it, not a silent null', async () => {
    const res = await h.gql('{ shop { id billingAddress { city } } }');
    expect(res.body.errors[0].message).toBe('The Shopify simulator does not implement Shop.billingAddress.');
  });
});
