import { startHarness, TEST_SHOP, type Harness } from '../testing/harness';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `gid://shopify/ProductVariant/${45_000_000_000_000 + i}`);

describe('input array limit of 250', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { catalog: { products: 200, variantsPerProduct: 3 } });
  });
  afterAll(() => h.close());

  it('an argument array of 251 items is refused before execution with MAX_INPUT_SIZE_EXCEEDED', async () => {
    const res = await h.gql('query N($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(251) });
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      {
        message: 'The input array size of 251 is greater than the maximum allowed of 250.',
        locations: [{ line: 1, column: 25 }],
        path: ['nodes', 'ids'],
        extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
      },
    ]);
  });

  it('an argument array of exactly 250 items is accepted', async () => {
    const res = await h.gql('query N($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(250) });
    expect(res.body.data.nodes).toHaveLength(250);
  });

  it.each([
    ['metafieldsSet(metafields:)', 'mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }', { m: Array.from({ length: 251 }, () => ({ ownerId: 'gid://shopify/Shop/1', key: 'kk', value: 'v', type: 'single_line_text_field' })) }, ['metafieldsSet', 'metafields']],
    ['a list nested in an input object', 'mutation M($i: DraftOrderInput!) { draftOrderCreate(input: $i) { userErrors { message } } }', { i: { tags: Array.from({ length: 251 }, (_, n) => `t${n}`) } }, ['draftOrderCreate', 'input', 'tags']],
  ])('%s over 250 is refused with the path of the array', async (_name, query, variables, path) => {
    const res = await h.gql(query, variables);
    expect(res.body.errors[0]).toMatchObject({ path, extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' } });
    const state = await h.admin('GET', `/_sim/shops/${TEST_SHOP}/state`);
    expect(state.body.draftOrders).toHaveLength(0);
    expect(state.body.metafields).toHaveLength(0);
  });

  it('draft order line items are the documented exception: 300 lines pass the array check', async () => {
    const lineItems = ids(300).map((variantId) => ({ variantId, quantity: 1 }));
    const res = await h.gql('mutation M($i: DraftOrderInput!) { draftOrderCreate(input: $i) { draftOrder { totalQuantityOfLineItems } userErrors { message } } }', { i: { lineItems } });
    expect(res.body.data.draftOrderCreate).toEqual({ draftOrder: { totalQuantityOfLineItems: 300 }, userErrors: [] });
  });
});
