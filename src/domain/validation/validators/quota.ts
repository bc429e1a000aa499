import { lineSku, type ValidationLine, type Validator } from '../context';

/**
 * Per-period quotas of the company location: what this cart adds in a rule's scope plus
 * what was already ordered this period may not pass the rule's maximum. One error per rule
 * broken, on the first line in its scope.
 */
export const quota: Validator = {
  name: 'quota',
  atCheckout: true,
  validate: (ctx) => {
    // Lines by scope, once (not every line for every rule), in cart order.
    const lines = new Map<string, ValidationLine[]>();
    for (const l of ctx.lines) {
      if (!l.variant) continue;
      for (const key of [`variant ${l.variant.variantGid}`, `product ${l.variant.productGid}`]) {
        const list = lines.get(key);
        if (list) list.push(l);
        else lines.set(key, [l]);
      }
    }
    return ctx.quotas.flatMap((rule) => {
      const inScope = lines.get(`${rule.scope.type} ${rule.scope.gid}`) ?? [];
      if (inScope.length === 0) return [];
      const requested = inScope.reduce((n, l) => n + l.quantity, 0);
      if (rule.used + requested <= rule.maxQuantity) return [];
      const remaining = Math.max(0, rule.maxQuantity - rule.used);
      const first = inScope[0]!;
      return [
        {
          code: 'QUOTA_EXCEEDED',
          validator: 'quota',
          lineIndex: first.lineIndex,
          sku: lineSku(first),
          message: `quota of ${rule.maxQuantity} per ${rule.period} for ${rule.scope.type} ${rule.scope.gid}: ${remaining} left, ${requested} in this cart`,
          details: { scope: rule.scope, period: rule.period, max: rule.maxQuantity, used: rule.used, requested, remaining, lineIndexes: inScope.map((l) => l.lineIndex) },
        },
      ];
    });
  },
};
