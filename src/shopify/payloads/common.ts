import { z } from 'zod';
import { InvalidPayloadError } from '../../errors';
import { toGid, type GidType } from '../gid';

/**
 * A numeric Shopify ID as a decimal string. JSON numbers above 2^53 lose digits in
 * JSON.parse, so such IDs are refused rather than silently stored wrong; rows are keyed
 * by `admin_graphql_api_id` wherever Shopify sends one.
 */
export const numericId = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value <= 0) {
      ctx.addIssue({ code: 'custom', message: `ID ${value} is not exactly representable` });
      return z.NEVER;
    }
    return String(value);
  }
  if (!/^\d{1,20}$/.test(value)) {
    ctx.addIssue({ code: 'custom', message: `ID "${value}" is not numeric` });
    return z.NEVER;
  }
  return value;
});

/** Money arrives as a decimal string ("199.65"); kept as a string so it never becomes a float. */
export const moneyString = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a decimal amount` });
    return z.NEVER;
  }
  return text;
});

export const timestamp = z.string().transform((value, ctx) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a timestamp` });
    return z.NEVER;
  }
  return date;
});

export const gidString = z.string().regex(/^gid:\/\/shopify\/[A-Za-z]+\/\S+$/, 'not a Shopify GID');

/** Shopify sends tags as one comma-separated string. */
export const tagList = z
  .string()
  .nullish()
  .transform((value) => (value ? value.split(',').map((t) => t.trim()).filter(Boolean) : []));

/** The GID from `admin_graphql_api_id`, or built from the numeric `id` when Shopify omitted it. */
export function gidOf(type: GidType, record: { id: string; admin_graphql_api_id?: string | null | undefined }): string {
  return record.admin_graphql_api_id ?? toGid(type, record.id);
}

/** Parses with a schema; a payload that does not fit becomes a non-retryable InvalidPayloadError. */
export function parsePayload<T extends z.ZodType>(schema: T, payload: unknown, what: string): z.output<T> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InvalidPayloadError(`${what} payload is invalid: ${issues.join('; ')}`, { issues });
  }
  return result.data;
}
