import { startHarness, TEST_SHOP, type Harness } from '../testing/harness';

const SET = `mutation Set($m: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $m) { metafields { id namespace key value type compareDigest } userErrors { field message code elementIndex } }
}`;
const PRODUCT = 'gid://shopify/Product/8000000000001';
const mf = (over: Record<string, unknown> = {}) => ({ ownerId: PRODUCT, namespace: 'b2b', key: 'moq', type: 'number_integer', value: '12', ...over });

describe('metafieldsSet', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());
  const stored = async () => (await h.admin('GET', `/_sim/shops/${TEST_SHOP}/state`)).body.metafields as { key: string; value: string }[];

  it('writes every metafield of a valid call and returns them with their digests', async () => {
    const res = await h.gql(SET, { m: [mf(), mf({ key: 'terms', type: 'single_line_text_field', value: 'Net 30' })] });
    expect(res.body.data.metafieldsSet.userErrors).toEqual([]);
    expect(res.body.data.metafieldsSet.metafields.map((m: any) => [m.key, m.value])).toEqual([['moq', '12'], ['terms', 'Net 30']]);
    expect(res.body.data.metafieldsSet.metafields[0].compareDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is atomic: one invalid metafield means none of the others is written', async () => {
    const res = await h.gql(SET, { m: [mf({ key: 'a1' }), mf({ key: 'a2', value: 'twelve' }), mf({ key: 'a3' })] });
    expect(res.body.data.metafieldsSet).toEqual({
      metafields: null,
      userErrors: [{ field: ['metafields', '1', 'value'], message: 'Value must be an integer.', code: 'INVALID_VALUE', elementIndex: 1 }],
    });
    expect(await stored()).toEqual([]);
  });

  it('refuses more than 25 metafields in one call', async () => {
    const res = await h.gql(SET, { m: Array.from({ length: 26 }, (_, i) => mf({ key: `k${i}` })) });
    expect(res.body.data.metafieldsSet.userErrors).toEqual([
      { field: ['metafields'], message: 'Exceeded the maximum metafields input limit of 25.', code: 'LESS_THAN_OR_EQUAL_TO', elementIndex: null },
    ]);
    expect(await stored()).toEqual([]);
  });

  it('caps a JSON value at 128KB', async () => {
    const big = (bytes: number) => JSON.stringify({ blob: 'x'.repeat(bytes - 11) });
    expect(Buffer.byteLength(big(131_072))).toBe(131_072);
    const ok = await h.gql(SET, { m: [mf({ key: 'doc', type: 'json', value: big(131_072) })] });
    expect(ok.body.data.metafieldsSet.userErrors).toEqual([]);
    const tooBig = await h.gql(SET, { m: [mf({ key: 'doc2', type: 'json', value: big(131_073) })] });
    expect(tooBig.body.data.metafieldsSet.userErrors[0]).toMatchObject({ field: ['metafields', '0', 'value'], code: 'TOO_LONG' });
  });

  it.each([
    ['an unknown owner', { ownerId: 'gid://shopify/Product/1' }, ['metafields', '0', 'ownerId'], 'INVALID'],
    ['a one-letter key', { key: 'k' }, ['metafields', '0', 'key'], 'TOO_SHORT'],
    ['no type and no existing metafield', { type: undefined }, ['metafields', '0', 'type'], 'BLANK'],
    ['an unknown type', { type: 'integer' }, ['metafields', '0', 'type'], 'INVALID_TYPE'],
  ])('%s is a userError', async (_name, over, field, code) => {
    const res = await h.gql(SET, { m: [mf(over)] });
    expect(res.body.data.metafieldsSet.userErrors[0]).toMatchObject({ field, code, elementIndex: 0 });
  });

  describe('compareDigest', () => {
    it('a current digest lets the write through; a stale one is refused and nothing is written', async () => {
      const first = await h.gql(SET, { m: [mf()] });
      const digest = first.body.data.metafieldsSet.metafields[0].compareDigest;
      const second = await h.gql(SET, { m: [mf({ value: '24', compareDigest: digest })] });
      expect(second.body.data.metafieldsSet.userErrors).toEqual([]);

      // `digest` now describes "12", which is no longer stored.
      const stale = await h.gql(SET, { m: [mf({ key: 'other', value: '1' }), mf({ value: '36', compareDigest: digest })] });
      expect(stale.body.data.metafieldsSet).toEqual({
        metafields: null,
        userErrors: [{ field: ['metafields', '1', 'compareDigest'], message: 'The metafield has been modified since it was loaded.', code: 'STALE_OBJECT', elementIndex: 1 }],
      });
      expect((await stored()).map((m) => [m.key, m.value])).toEqual([['moq', '24']]);
    });

    it('compareDigest null means "only if it does not exist yet"', async () => {
      expect((await h.gql(SET, { m: [mf({ compareDigest: null })] })).body.data.metafieldsSet.userErrors).toEqual([]);
      const again = await h.gql(SET, { m: [mf({ value: '99', compareDigest: null })] });
      expect(again.body.data.metafieldsSet.userErrors[0].code).toBe('STALE_OBJECT');
    });
  });

  it('metafieldsDelete deletes what exists and answers null for what does not', async () => {
    await h.gql(SET, { m: [mf()] });
    const res = await h.gql('mutation D($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { key namespace ownerId } userErrors { message } } }', {
      m: [{ ownerId: PRODUCT, namespace: 'b2b', key: 'moq' }, { ownerId: PRODUCT, namespace: 'b2b', key: 'none' }],
    });
    expect(res.body.data.metafieldsDelete).toEqual({ deletedMetafields: [{ key: 'moq', namespace: 'b2b', ownerId: PRODUCT }, null], userErrors: [] });
  });
});
