import { parseGid } from '../support/gid';

/**
 * Whether a metafield value fits its type, and the size caps per type.
 *
 * Sizes (https://shopify.dev/docs/apps/build/metafields/metafield-limits): most types 64KB
 * (65,536 bytes); `id` and `url` 2KB; `json` 128KB for API 2026-04 and later
 * (https://shopify.dev/changelog/reduced-metafield-value-sizes; apps that wrote larger
 * JSON before April 2026 keep a 2MB limit, which the simulator does not model).
 * List types hold at most 128 items (same page).
 * Types: https://shopify.dev/docs/apps/build/metafields/list-of-data-types
 */
export type ValueProblem = { code: 'INVALID_VALUE' | 'TOO_LONG' | 'INVALID_TYPE'; message: string };

export const KB = 1024;
export const JSON_VALUE_LIMIT_BYTES = 128 * KB;
export const DEFAULT_VALUE_LIMIT_BYTES = 64 * KB;
export const SHORT_VALUE_LIMIT_BYTES = 2 * KB;
export const LIST_ITEM_LIMIT = 128;

const REFERENCE_TYPES: Record<string, string[]> = {
  product_reference: ['Product'],
  variant_reference: ['ProductVariant'],
  collection_reference: ['Collection'],
  customer_reference: ['Customer'],
  company_reference: ['Company'],
  page_reference: ['Page'],
  file_reference: ['MediaImage', 'GenericFile', 'Video'],
  metaobject_reference: ['Metaobject'],
  mixed_reference: ['Metaobject'],
  product_taxonomy_value_reference: ['TaxonomyValue'],
};

type Check = (value: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

const measured = (units: string[]): Check => (value) => {
  const v = parseJson(value);
  return isObject(v) && typeof v.value === 'number' && typeof v.unit === 'string' && units.includes(v.unit)
    ? undefined
    : `Value must be a JSON object with a numeric value and a unit (${units.join(', ')}).`;
};

const CHECKS: Record<string, Check> = {
  single_line_text_field: (v) => (/[\r\n]/.test(v) ? 'Value must be a single line of text.' : undefined),
  multi_line_text_field: () => undefined,
  number_integer: (v) => (/^-?\d{1,16}$/.test(v) && Number.isSafeInteger(Number(v)) ? undefined : 'Value must be an integer.'),
  number_decimal: (v) => (/^-?\d{1,15}(\.\d{1,9})?$/.test(v) ? undefined : 'Value must be a decimal.'),
  boolean: (v) => (v === 'true' || v === 'false' ? undefined : 'Value must be true or false.'),
  json: (v) => (parseJson(v) === undefined && v.trim() !== 'null' ? 'Value must be valid JSON.' : undefined),
  date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? undefined : 'Value must be in YYYY-MM-DD format.'),
  date_time: (v) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : 'Value must be in ISO 8601 date and time format.'),
  color: (v) => (/^#[0-9a-fA-F]{6}$/.test(v) ? undefined : 'Value must be a hex color code (#RRGGBB).'),
  url: (v) => (/^(https?:\/\/|mailto:|sms:|tel:)\S+$/.test(v) ? undefined : 'Value must be a URL with an allowed scheme (http, https, mailto, sms, tel).'),
  id: (v) => (v.length > 0 ? undefined : "Value can't be blank."),
  money: (v) => {
    const m = parseJson(v);
    return isObject(m) && typeof m.amount === 'string' && /^-?\d+(\.\d+)?$/.test(m.amount) && typeof m.currency_code === 'string'
      ? undefined
      : 'Value must be a JSON object with amount and currency_code.';
  },
  link: (v) => {
    const m = parseJson(v);
    return isObject(m) && typeof m.text === 'string' && typeof m.url === 'string' ? undefined : 'Value must be a JSON object with text and url.';
  },
  rating: (v) => {
    const m = parseJson(v);
    return isObject(m) && typeof m.value === 'string' && typeof m.scale_min === 'string' && typeof m.scale_max === 'string'
      ? undefined
      : 'Value must be a JSON object with value, scale_min and scale_max.';
  },
  rich_text_field: (v) => {
    const m = parseJson(v);
    return isObject(m) && m.type === 'root' ? undefined : 'Value must be a rich text JSON document with a root node.';
  },
  weight: measured(['oz', 'lb', 'g', 'kg']),
  volume: measured(['ml', 'cl', 'l', 'm3', 'us_fl_oz', 'us_pt', 'us_qt', 'us_gal', 'imp_fl_oz', 'imp_pt', 'imp_qt', 'imp_gal']),
  dimension: measured(['in', 'ft', 'yd', 'mm', 'cm', 'm']),
};

for (const [type, gidTypes] of Object.entries(REFERENCE_TYPES)) {
  CHECKS[type] = (v) => (gidTypes.includes(parseGid(v)?.type ?? '') ? undefined : `Value must be a global ID of a ${gidTypes.join(' or ')}.`);
}

export function isKnownMetafieldType(type: string): boolean {
  const base = type.startsWith('list.') ? type.slice(5) : type;
  return base in CHECKS && !(type.startsWith('list.') && ['json', 'boolean', 'money', 'rich_text_field', 'multi_line_text_field'].includes(base));
}

export function sizeLimitBytes(type: string): number {
  if (type === 'json') return JSON_VALUE_LIMIT_BYTES;
  if (type === 'id' || type === 'url') return SHORT_VALUE_LIMIT_BYTES;
  return DEFAULT_VALUE_LIMIT_BYTES;
}

/** The first problem with a value of the given type, or undefined when it fits. */
export function checkMetafieldValue(type: string, value: string): ValueProblem | undefined {
  if (!isKnownMetafieldType(type)) return { code: 'INVALID_TYPE', message: `Type '${type}' is not a valid metafield type.` };
  const limit = sizeLimitBytes(type);
  if (Buffer.byteLength(value, 'utf8') > limit) {
    return { code: 'TOO_LONG', message: `Value is too long: ${type} values are limited to ${limit / KB}KB (${limit} bytes).` };
  }
  if (!type.startsWith('list.')) {
    const problem = CHECKS[type]!(value);
    return problem ? { code: 'INVALID_VALUE', message: problem } : undefined;
  }
  const items = parseJson(value);
  if (!Array.isArray(items)) return { code: 'INVALID_VALUE', message: 'Value must be a JSON array.' };
  if (items.length > LIST_ITEM_LIMIT) return { code: 'INVALID_VALUE', message: `Lists are limited to ${LIST_ITEM_LIMIT} items.` };
  const check = CHECKS[type.slice(5)]!;
  for (const item of items) {
    const text = typeof item === 'string' ? item : JSON.stringify(item);
    const problem = check(text);
    if (problem) return { code: 'INVALID_VALUE', message: `List item ${JSON.stringify(item)}: ${problem}` };
  }
  return undefined;
}

/** `Metafield.jsonValue`: the value as JSON, as Shopify derives it from the type. */
export function jsonValueOf(type: string, value: string): unknown {
  if (type === 'number_integer' || type === 'number_decimal') return Number(value);
  if (type === 'boolean') return value === 'true';
  if (type.startsWith('list.') || ['json', 'money', 'link', 'rating', 'rich_text_field', 'weight', 'volume', 'dimension'].includes(type)) return parseJson(value) ?? null;
  return value;
}
