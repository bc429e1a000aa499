import { cartIdempotencyKey } from './idempotencyKey';

describe('cart idempotency key', () => {
  const cart = { shop: 'a.myshopify.com', companyLocationId: 'gid://shopify/CompanyLocation/1', poNumber: 'PO-1', shipping: { title: 'Freight', price: '90.00' }, linesCsv: 'A,1\nB,2\n' };

  it('is the same for the same cart whatever the key order, and a visible-ASCII header value the API accepts', () => {
    const reordered = { linesCsv: cart.linesCsv, shipping: { price: '90.00', title: 'Freight' }, poNumber: 'PO-1', companyLocationId: cart.companyLocationId, shop: cart.shop };
    expect(cartIdempotencyKey(reordered)).toBe(cartIdempotencyKey(cart));
    expect(cartIdempotencyKey(cart)).toMatch(/^cli-[0-9a-f]{64}$/);
  });

  it.each([
    ['a changed line', { linesCsv: 'A,1\nB,3\n' }],
    ['another PO number', { poNumber: 'PO-2' }],
    ['another freight price', { shipping: { title: 'Freight', price: '91.00' } }],
    ['an added note', { note: 'rush' }],
  ])('changes with %s', (_name, change) => {
    expect(cartIdempotencyKey({ ...cart, ...change })).not.toBe(cartIdempotencyKey(cart));
  });
});
