import { checkoutContext, UnreadableConstraintsError } from '../../../src/domain/constraints/checkoutContext';
import { ShardEncodingError } from '../../../src/domain/constraints/entryShards';
import type { CheckoutInput } from '../../../src/domain/constraints/checkoutInput';
import { validateCart } from '../../../src/domain/validation/validateCart';
import { CHECKOUT_VALIDATORS } from '../../../src/domain/validation/validators';
import { checkoutMessage, UNREADABLE_RULES_MESSAGE } from './checkoutMessages';

/**
 * Target `cart.validations.generate.run`: the same validator modules as the backend, over a
 * context built from the cart and the metafields the sync wrote. Shopify shows each error
 * next to its line (target `$.cart.lines[i].quantity`) or on the cart (`$.cart`).
 */
export interface FunctionValidationError {
  message: string;
  target: string;
}

export interface CartValidationsGenerateRunResult {
  operations: { validationAdd: { errors: FunctionValidationError[] } }[];
}

/** Shopify caps a Function's output at 20 KB; stay clear of it with whole errors. */
export const OUTPUT_MAX_BYTES = 19_000;

export function cartValidationsGenerateRun(input: CheckoutInput): CartValidationsGenerateRunResult {
  let errors: FunctionValidationError[];
  try {
    const result = validateCart(checkoutContext(input), CHECKOUT_VALIDATORS);
    errors = result.errors.map((e) => ({ message: checkoutMessage(e), target: e.lineIndex === null ? '$.cart' : `$.cart.lines[${e.lineIndex}].quantity` }));
  } catch (err) {
    // Rules we cannot read are not rules we can waive: the cart waits (fail closed), and the
    // buyer is told to get in touch rather than shown a broken checkout.
    if (!(err instanceof UnreadableConstraintsError || err instanceof ShardEncodingError || err instanceof SyntaxError)) throw err;
    errors = [{ message: UNREADABLE_RULES_MESSAGE, target: '$.cart' }];
  }
  return { operations: errors.length === 0 ? [] : [{ validationAdd: { errors: capped(errors) } }] };
}

function capped(errors: FunctionValidationError[]): FunctionValidationError[] {
  const out: FunctionValidationError[] = [];
  let bytes = 64;
  for (const [i, e] of errors.entries()) {
    const size = JSON.stringify(e).length + 1;
    if (bytes + size > OUTPUT_MAX_BYTES - 200) {
      out.push({ message: `${errors.length - i} more lines break ordering rules; fix the ones shown first.`, target: '$.cart' });
      break;
    }
    out.push(e);
    bytes += size;
  }
  return out;
}
