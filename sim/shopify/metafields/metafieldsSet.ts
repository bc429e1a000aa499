import { checkMetafieldValue } from './metafieldValues';
import { metafieldDigest, type MetafieldRecord } from './metafieldStore';

/**
 * The rules of `metafieldsSet` as one pure decision: either every input is valid and the
 * writes to make, or the userErrors and nothing to write (the mutation is atomic).
 * https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/metafieldsSet — at most 25
 * metafields per call; with `compareDigest` a write only happens if the stored metafield
 * still has that digest; `compareDigest: null` means "only if it does not exist yet".
 */
export const METAFIELDS_SET_LIMIT = 25;

export interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
}

export interface MetafieldsSetUserError {
  field: string[] | null;
  message: string;
  code: string;
  elementIndex: number | null;
}

export interface MetafieldWrite {
  ownerId: string;
  ownerType: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export interface MetafieldsSetContext {
  /** The owner's `MetafieldOwnerType`, or undefined when no such owner exists. */
  ownerTypeOf(ownerId: string): string | undefined;
  current(ownerId: string, namespace: string, key: string): MetafieldRecord | undefined;
  /** Used when `namespace` is omitted: the app-reserved namespace. */
  appNamespace: string;
}

export type MetafieldsSetDecision = { outcome: 'write'; writes: MetafieldWrite[] } | { outcome: 'reject'; userErrors: MetafieldsSetUserError[] };

const NAME = /^[A-Za-z0-9_-]+$/;

/** Rails-style length and format problems of a key or namespace, as Shopify words them. */
export function nameProblem(label: 'Key' | 'Namespace', value: string, min: number, max: number): { code: string; message: string } | undefined {
  if (value.length < min) return { code: 'TOO_SHORT', message: `${label} is too short (minimum is ${min} characters)` };
  if (value.length > max) return { code: 'TOO_LONG', message: `${label} is too long (maximum is ${max} characters)` };
  if (!NAME.test(value)) return { code: 'INVALID', message: `${label} contains one or more invalid characters.` };
  return undefined;
}

export function decideMetafieldsSet(inputs: readonly MetafieldsSetInput[], ctx: MetafieldsSetContext): MetafieldsSetDecision {
  if (inputs.length > METAFIELDS_SET_LIMIT) {
    return {
      outcome: 'reject',
      userErrors: [{ field: ['metafields'], message: `Exceeded the maximum metafields input limit of ${METAFIELDS_SET_LIMIT}.`, code: 'LESS_THAN_OR_EQUAL_TO', elementIndex: null }],
    };
  }
  const userErrors: MetafieldsSetUserError[] = [];
  const writes: MetafieldWrite[] = [];
  inputs.forEach((input, index) => {
    const error = (field: string, code: string, message: string) =>
      userErrors.push({ field: ['metafields', String(index), field], message, code, elementIndex: index });
    const namespace = input.namespace ?? ctx.appNamespace;
    const ownerType = ctx.ownerTypeOf(input.ownerId);
    if (!ownerType) return error('ownerId', 'INVALID', 'Owner does not exist.');
    const keyIssue = nameProblem('Key', input.key, 2, 64);
    if (keyIssue) return error('key', keyIssue.code, keyIssue.message);
    const nsIssue = nameProblem('Namespace', namespace, 3, 255);
    if (nsIssue) return error('namespace', nsIssue.code, nsIssue.message);

    const current = ctx.current(input.ownerId, namespace, input.key);
    const type = input.type ?? current?.type;
    if (!type) return error('type', 'BLANK', "Type can't be blank.");
    const valueIssue = checkMetafieldValue(type, input.value);
    if (valueIssue) return error(valueIssue.code === 'INVALID_TYPE' ? 'type' : 'value', valueIssue.code, valueIssue.message);

    if ('compareDigest' in input && input.compareDigest !== undefined) {
      const stale = input.compareDigest === null ? current !== undefined : current === undefined || metafieldDigest(current) !== input.compareDigest;
      if (stale) return error('compareDigest', 'STALE_OBJECT', 'The metafield has been modified since it was loaded.');
    }
    writes.push({ ownerId: input.ownerId, ownerType, namespace, key: input.key, type, value: input.value });
  });
  return userErrors.length > 0 ? { outcome: 'reject', userErrors } : { outcome: 'write', writes };
}
