/**
 * Money as exact decimals: an amount is a bigint count of 1/10,000ths of the currency unit
 * (PostgreSQL's numeric(20, 4), which every Shopify currency fits). Amounts never pass
 * through floating point: they are parsed from and formatted to decimal strings.
 */
export type Money = bigint & { readonly __money: unique symbol };

export const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export class InvalidMoneyError extends Error {
  constructor(readonly value: string) {
    super(`not a decimal amount with at most ${SCALE} decimal places: ${JSON.stringify(value)}`);
  }
}

export const ZERO = 0n as Money;

/** "12.5" → 125000n. Refuses more than four decimal places rather than rounding silently. */
export function parseMoney(value: string): Money {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new InvalidMoneyError(value);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > SCALE && /[1-9]/.test(fraction.slice(SCALE))) throw new InvalidMoneyError(value);
  const units = BigInt(whole!) * FACTOR + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, '0'));
  return (sign ? -units : units) as Money;
}

/** 125000n → "12.50": at least two decimals, up to four when they matter. */
export function formatMoney(amount: Money): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = abs / FACTOR;
  let fraction = (abs % FACTOR).toString().padStart(SCALE, '0').replace(/0+$/, '');
  if (fraction.length < 2) fraction = fraction.padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export const add = (a: Money, b: Money): Money => (a + b) as Money;
export const sub = (a: Money, b: Money): Money => (a - b) as Money;
export const times = (a: Money, quantity: number): Money => {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantity ${quantity} is not an integer`);
  return (a * BigInt(quantity)) as Money;
};
export const max = (a: Money, b: Money): Money => (a > b ? a : b);
export const sum = (amounts: Iterable<Money>): Money => {
  let total = 0n;
  for (const a of amounts) total += a;
  return total as Money;
};

/**
 * Decimal places a currency's amounts are charged in (ISO 4217 minor units): Shopify charges
 * unit prices at this precision, so prices computed here are rounded to it before they are
 * shown, totalled or sent. Two unless listed.
 */
const MINOR_UNITS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};
export const currencyDigits = (currencyCode: string | null | undefined): number => (currencyCode ? (MINOR_UNITS[currencyCode.toUpperCase()] ?? 2) : 2);

/** Rounds half away from zero to `digits` decimal places (0–4). */
export function roundTo(amount: Money, digits: number): Money {
  if (digits >= SCALE) return amount;
  const step = 10n ** BigInt(SCALE - digits);
  const half = step / 2n;
  const abs = amount < 0n ? -amount : amount;
  const rounded = ((abs + half) / step) * step;
  return (amount < 0n ? -rounded : rounded) as Money;
}
