/**
 * Money is held as integer minor units (cents) and shown as decimal strings, as Shopify's
 * `Money`/`Decimal` scalars are. Floats never hold an amount: a `Float` input (discount
 * values) is turned into a decimal string at the edge and computed with BigInt.
 */

const DECIMAL = /^(-)?(\d{1,15})(?:\.(\d+))?$/;

/** Cents of a decimal string, rounded half-up to the cent; undefined when not a decimal. */
export function parseMoney(value: string): number | undefined {
  const m = DECIMAL.exec(value.trim());
  if (!m) return undefined;
  const [, sign, whole, fraction = ''] = m;
  const padded = (fraction + '000').slice(0, 3);
  let cents = Number(whole) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) cents += 1;
  return sign ? -cents : cents;
}

export function formatMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A finite JS number as a plain decimal string (no exponent), e.g. 1e-7 → "0.0000001". */
export function numberToDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** `percent` % of `cents`, rounded half-up to the cent. `percent` is a decimal string. */
export function percentOf(cents: number, percent: string): number {
  const m = DECIMAL.exec(percent);
  if (!m) throw new RangeError(`not a decimal: ${percent}`);
  const [, sign, whole, fraction = ''] = m;
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole!) * scale + BigInt(fraction || '0');
  const numerator = BigInt(cents) * scaled;
  const denominator = 100n * scale;
  const rounded = (numerator * 2n + denominator) / (denominator * 2n);
  return Number(sign ? -rounded : rounded);
}

/** Compares two decimal strings numerically (-1, 0, 1). */
export function compareDecimal(a: string, b: string): number {
  const toScaled = (s: string): bigint => {
    const m = DECIMAL.exec(s);
    if (!m) throw new RangeError(`not a decimal: ${s}`);
    const [, sign, whole, fraction = ''] = m;
    const v = BigInt(whole!) * 10n ** 20n + BigInt((fraction + '0'.repeat(20)).slice(0, 20));
    return sign ? -v : v;
  };
  const x = toScaled(a);
  const y = toScaled(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
