import { lineName, lineSku, type QuantityRule, type ValidationError, type Validator } from '../context';

/**
 * The first rule per scope, in the context's order (the location's own before shop-wide
 * ones), indexed once: lines × rules scans cost a 500-line cart hundreds of millions of
 * instructions in checkout's Function (bench:function).
 */
function firstByScope(rules: readonly QuantityRule[], type: QuantityRule['scope']['type']): Map<string, QuantityRule> {
  const out = new Map<string, QuantityRule>();
  for (const r of rules) if (r.scope.type === type && !out.has(r.scope.gid)) out.set(r.scope.gid, r);
  return out;
}

/** Minimum, maximum and case-pack multiple per line. */
export const quantityRules: Validator = {
  name: 'quantityRules',
  atCheckout: true,
  validate: (ctx) => {
    const byVariant = firstByScope(ctx.quantityRules, 'variant');
    const byProduct = firstByScope(ctx.quantityRules, 'product');
    return ctx.lines.flatMap((line) => {
      if (!line.variant) return [];
      // The variant's rule, else its product's: the more specific wins.
      const rule = byVariant.get(line.variant.variantGid) ?? byProduct.get(line.variant.productGid);
      if (!rule) return [];
      const errors: ValidationError[] = [];
      const base = { validator: 'quantityRules', lineIndex: line.lineIndex, sku: lineSku(line) };
      const q = line.quantity;
      if (rule.min !== null && q < rule.min) errors.push({ ...base, code: 'QUANTITY_BELOW_MIN', message: `${lineName(line)}: at least ${rule.min} per order (got ${q})`, details: { min: rule.min, quantity: q } });
      if (rule.max !== null && q > rule.max) errors.push({ ...base, code: 'QUANTITY_ABOVE_MAX', message: `${lineName(line)}: at most ${rule.max} per order (got ${q})`, details: { max: rule.max, quantity: q } });
      if (rule.increment !== null && rule.increment > 1 && q % rule.increment !== 0) {
        errors.push({ ...base, code: 'QUANTITY_NOT_MULTIPLE', message: `${lineName(line)}: sold in packs of ${rule.increment} (got ${q})`, details: { increment: rule.increment, quantity: q } });
      }
      return errors;
    });
  },
};
