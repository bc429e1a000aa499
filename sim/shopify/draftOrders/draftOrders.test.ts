import { startHarness, TEST_SHOP, type Harness } from '../testing/harness';

const V = (k: number) => `gid://shopify/ProductVariant/${45_000_000_000_000 + k}`;
const CREATE = `mutation Create($input: DraftOrderInput!) {
  draftOrderCreate(input: $input) {
    draftOrder {
      id name status tags poNumber
      subtotalPriceSet { shopMoney { amount currencyCode } }
      totalPriceSet { shopMoney { amount } }
      totalDiscountsSet { shopMoney { amount } }
      totalShippingPriceSet { shopMoney { amount } }
      appliedDiscount { value valueType amountSet { shopMoney { amount } } }
      lineItems(first: 250) { nodes { id sku quantity custom variant { id } originalUnitPriceSet { shopMoney { amount } } discountedTotalSet { shopMoney { amount } } } }
    }
    userErrors { field message }
  }
}`;

describe('draft orders', () => {
  let h: Harness;
  let prices: string[];
  beforeAll(async () => {
    h = await startHarness({}, { catalog: { products: 250, variantsPerProduct: 2, seed: 7 } });
    const res = await h.gql('{ productVariants(first: 4) { nodes { price } } }');
    prices = res.body.data.productVariants.nodes.map((n: { price: string }) => n.price);
  });
  afterAll(() => h.close());

  const cents = (amount: string) => Math.round(Number(amount) * 100);
  const amount = (c: number) => (c / 100).toFixed(2);
  const draftCount = async () => (await h.admin('GET', `/_sim/shops/${TEST_SHOP}/state`)).body.draftOrders.length as number;
  const create = (input: Record<string, unknown>) => h.gql(CREATE, { input });

  it('a draft is priced from the catalog, with line and order discounts and shipping, in decimal strings', async () => {
    const res = await create({
      tags: ['split-42', 'b2b'],
      poNumber: 'PO-7',
      lineItems: [
        { variantId: V(0), quantity: 3, appliedDiscount: { value: 10, valueType: 'PERCENTAGE', title: 'Tier' } },
        { variantId: V(1), quantity: 2, appliedDiscount: { value: 1.5, valueType: 'FIXED_AMOUNT' } },
      ],
      appliedDiscount: { value: 5, valueType: 'FIXED_AMOUNT', title: 'Loyalty' },
      shippingLine: { title: 'Freight', priceWithCurrency: { amount: '45.00', currencyCode: 'USD' } },
    });
    const draft = res.body.data.draftOrderCreate.draftOrder;
    expect(res.body.data.draftOrderCreate.userErrors).toEqual([]);
    const line0 = 3 * cents(prices[0]!) - Math.round(0.3 * cents(prices[0]!));
    const line1 = 2 * (cents(prices[1]!) - 150);
    const subtotal = line0 + line1 - 500;
    expect(draft).toMatchObject({
      name: '#D1',
      status: 'OPEN',
      tags: ['split-42', 'b2b'],
      poNumber: 'PO-7',
      subtotalPriceSet: { shopMoney: { amount: amount(subtotal), currencyCode: 'USD' } },
      totalPriceSet: { shopMoney: { amount: amount(subtotal + 4500) } },
      totalShippingPriceSet: { shopMoney: { amount: '45.00' } },
      appliedDiscount: { value: 5, valueType: 'FIXED_AMOUNT', amountSet: { shopMoney: { amount: '5.00' } } },
    });
    expect(draft.lineItems.nodes.map((l: any) => [l.quantity, l.variant.id, l.discountedTotalSet.shopMoney.amount])).toEqual([
      [3, V(0), amount(line0)],
      [2, V(1), amount(line1)],
    ]);
  });

  it('a draft with 499 line items is accepted; 500 is a userError and nothing is created', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, k) => ({ variantId: V(k), quantity: 1 }));
    const ok = await h.gql('mutation C($input: DraftOrderInput!) { draftOrderCreate(input: $input) { draftOrder { totalQuantityOfLineItems } userErrors { field message } } }', { input: { lineItems: lines(499) } });
    expect(ok.body.data.draftOrderCreate).toEqual({ draftOrder: { totalQuantityOfLineItems: 499 }, userErrors: [] });
    const before = await draftCount();
    const tooMany = await create({ lineItems: lines(500) });
    expect(tooMany.body.data.draftOrderCreate).toEqual({ draftOrder: null, userErrors: [{ field: ['lineItems'], message: 'Line items cannot exceed 499 items' }] });
    expect(await draftCount()).toBe(before);
  });

  it('an unknown variant is a userError on that line and nothing is created', async () => {
    const before = await draftCount();
    const res = await create({ lineItems: [{ variantId: V(0), quantity: 1 }, { variantId: 'gid://shopify/ProductVariant/1', quantity: 1 }] });
    expect(res.body.data.draftOrderCreate.userErrors).toEqual([{ field: ['lineItems', '1', 'variantId'], message: 'Product variant with ID gid://shopify/ProductVariant/1 does not exist' }]);
    expect(await draftCount()).toBe(before);
  });

  it.each([
    ['a negative line discount', { value: -1, valueType: 'FIXED_AMOUNT' }, undefined, ['lineItems', '0', 'appliedDiscount', 'value']],
    ['a percentage above 100', { value: 100.5, valueType: 'PERCENTAGE' }, undefined, ['lineItems', '0', 'appliedDiscount', 'value']],
    ['a fixed amount above the unit price', { value: 100_000, valueType: 'FIXED_AMOUNT' }, undefined, ['lineItems', '0', 'appliedDiscount', 'value']],
    ['an order discount above the subtotal', undefined, { value: 1_000_000, valueType: 'FIXED_AMOUNT' }, ['appliedDiscount', 'value']],
    ['a negative order percentage', undefined, { value: -5, valueType: 'PERCENTAGE' }, ['appliedDiscount', 'value']],
  ])('%s is a userError on its field and creates nothing', async (_name, lineDiscount, orderDiscount, field) => {
    const before = await draftCount();
    const res = await create({ lineItems: [{ variantId: V(2), quantity: 2, appliedDiscount: lineDiscount }], appliedDiscount: orderDiscount });
    expect(res.body.data.draftOrderCreate.draftOrder).toBeNull();
    expect(res.body.data.draftOrderCreate.userErrors).toEqual([{ field, message: expect.any(String) }]);
    expect(await draftCount()).toBe(before);
  });

  it.each([
    ['a 100% discount', { value: 100, valueType: 'PERCENTAGE' }],
    ['a fixed discount equal to the price', 'PRICE'],
  ])('%s is valid and brings the line to zero', async (_name, discount) => {
    const appliedDiscount = discount === 'PRICE' ? { value: Number(prices[3]), valueType: 'FIXED_AMOUNT' } : discount;
    const res = await create({ lineItems: [{ variantId: V(3), quantity: 2, appliedDiscount }] });
    expect(res.body.data.draftOrderCreate.draftOrder.lineItems.nodes[0].discountedTotalSet.shopMoney.amount).toBe('0.00');
  });

  it('updating, sending the invoice, completing with payment pending and deleting follow Shopify semantics', async () => {
    const created = await create({ lineItems: [{ title: 'Pallet fee', quantity: 1, originalUnitPriceWithCurrency: { amount: '25.00', currencyCode: 'USD' } }], email: 'buyer@example.com' });
    const id = created.body.data.draftOrderCreate.draftOrder.id;
    expect(created.body.data.draftOrderCreate.draftOrder.lineItems.nodes[0]).toMatchObject({ custom: true, variant: null });

    const updated = await h.gql('mutation U($id: ID!, $input: DraftOrderInput!) { draftOrderUpdate(id: $id, input: $input) { draftOrder { tags lineItems(first: 5) { nodes { sku } } } userErrors { message } } }', {
      id,
      input: { tags: ['split-9'], lineItems: [{ variantId: V(4), quantity: 1 }] },
    });
    expect(updated.body.data.draftOrderUpdate.draftOrder).toEqual({ tags: ['split-9'], lineItems: { nodes: [{ sku: 'SIM-0000002-000' }] } });

    const invoiced = await h.gql('mutation I($id: ID!) { draftOrderInvoiceSend(id: $id) { draftOrder { status invoiceSentAt } userErrors { message } } }', { id });
    expect(invoiced.body.data.draftOrderInvoiceSend.draftOrder.status).toBe('INVOICE_SENT');

    const COMPLETE = 'mutation D($id: ID!) { draftOrderComplete(id: $id, paymentPending: true) { draftOrder { status completedAt order { id name displayFinancialStatus totalPriceSet { shopMoney { amount } } } } userErrors { field message } } }';
    const completed = await h.gql(COMPLETE, { id });
    expect(completed.body.data.draftOrderComplete.draftOrder).toMatchObject({ status: 'COMPLETED', order: { name: '#1001', displayFinancialStatus: 'PENDING' } });
    const again = await h.gql(COMPLETE, { id });
    expect(again.body.data.draftOrderComplete.userErrors).toEqual([{ field: ['id'], message: 'Draft order has already been completed' }]);

    const deleted = await h.gql('mutation X($id: ID!) { draftOrderDelete(input: { id: $id }) { deletedId userErrors { message } } }', { id });
    expect(deleted.body.data.draftOrderDelete).toEqual({ deletedId: id, userErrors: [] });
    expect((await h.gql('query G($id: ID!) { draftOrder(id: $id) { id } }', { id })).body.data.draftOrder).toBeNull();
  });

  it('draftOrders(query: "tag:…") finds a draft by the tag its creator gave it', async () => {
    await create({ tags: ['cart-77-part-2'], lineItems: [{ variantId: V(5), quantity: 1 }] });
    const res = await h.gql('{ draftOrders(first: 10, query: "tag:cart-77-part-2") { nodes { tags lineItems(first: 1) { nodes { sku } } } } }');
    expect(res.body.data.draftOrders.nodes).toEqual([{ tags: ['cart-77-part-2'], lineItems: { nodes: [{ sku: 'SIM-0000002-001' }] } }]);
  });
});
