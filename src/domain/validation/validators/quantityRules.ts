import { lineName, lineSku, type QuantityRule, type ValidationError, type Validator } from '../context';

/** The rule for a line: its variant's, else its product's (the more specific wins). */
function ruleFor(rules: readonly QuantityRule[], variantGid: string, productGid: string): QuantityRule | undefined {
  return rules.find((r) => r.scope.type === 'variant' && r.scope.gid === variantGid) ?? rules.find((r) => r.scope.type === 'product' && r.scope.gid === productGid);
}

/** Minimum, maximum and case-pack multiple per line. */
export const quantityRules: Validator = {
  name: 'quantityRules',
  atCheckout: true,
  validate: (ctx) =>
    ctx.lines.flatMap((line) => {
      if (!line.variant) return [];
      const rule = ruleFor(ctx.quantityRules, line.variant.variantGid, line.variant.productGid);
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
    }),
};
