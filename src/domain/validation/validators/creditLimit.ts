import { formatMoney, sub, sum } from '../../money/decimal';
import { priceLine } from '../../carts/pricing';
import type { Validator } from '../context';

/** The cart at its negotiated prices plus the open balance may not pass the credit limit. */
export const creditLimit: Validator = {
  name: 'creditLimit',
  atCheckout: true,
  validate: (ctx) => {
    if (ctx.creditLimit === null) return [];
    const total = ctx.cartTotal ?? sum(ctx.lines.flatMap((l) => (l.variant ? [priceLine(l.variant.listPrice, ctx.negotiatedPrices.get(l.variant.variantGid) ?? [], l.quantity, ctx.currencyDigits).lineTotal] : [])));
    const exposure = sum([total, ctx.openBalance]);
    if (exposure <= ctx.creditLimit) return [];
    return [
      {
        code: 'CREDIT_LIMIT_EXCEEDED',
        validator: 'creditLimit',
        lineIndex: null,
        sku: null,
        message: `cart ${formatMoney(total)} + open balance ${formatMoney(ctx.openBalance)} exceeds the credit limit ${formatMoney(ctx.creditLimit)}`,
        details: { cartTotal: formatMoney(total), openBalance: formatMoney(ctx.openBalance), creditLimit: formatMoney(ctx.creditLimit), over: formatMoney(sub(exposure, ctx.creditLimit)) },
      },
    ];
  },
};
