import { cartValidationsGenerateRun } from '../../extensions/cart-validation/src';
import { checkoutContext } from '../../src/domain/constraints/checkoutContext';
import type { CheckoutInput } from '../../src/domain/constraints/checkoutInput';

/**
 * The script QuickJS runs (bundled by bench/function/bundle.ts, never by Node): `qjs --std
 * function.js <input.json> <mode>`. Every mode loads the same bundle and reads the same file,
 * so the differences between modes are the work each stage adds:
 *   load    — start-up, compile of the bundle, read of the input file, nothing else;
 *   parse   — + JSON.parse of the input;
 *   context — + checkoutContext (header, shard decoding, rule lookup for the lines);
 *   run     — + the whole Function (context again, validators, messages) and JSON.stringify
 *             of its output, as Javy's runtime serialises it.
 */
declare const scriptArgs: string[];
declare const std: { loadFile(path: string): string | null };
declare function print(...values: unknown[]): void;

const [, inputPath, mode] = scriptArgs;
const text = std.loadFile(inputPath ?? '');
if (text === null) throw new Error(`cannot read ${inputPath}`);

if (mode === 'load') {
  print(`loaded ${text.length} chars`);
} else if (mode === 'parse') {
  const input = JSON.parse(text) as CheckoutInput;
  print(`parsed ${input.cart.lines.length} lines`);
} else if (mode === 'context') {
  const ctx = checkoutContext(JSON.parse(text) as CheckoutInput);
  print(`context ${ctx.quotas.length} quotas, ${ctx.quantityRules.length} quantity rules`);
} else if (mode === 'run') {
  const result = cartValidationsGenerateRun(JSON.parse(text) as CheckoutInput);
  const output = JSON.stringify(result);
  const errors = result.operations.reduce((n, op) => n + op.validationAdd.errors.length, 0);
  print(`output ${output.length} chars, ${errors} errors`);
} else {
  throw new Error(`unknown mode ${mode}`);
}
