import type { FieldTree } from '../shopify/payloads/payloadFields';

/**
 * Keeps only the parts of a parsed JSON payload that `tree` names. A value whose type does
 * not match the tree (null, a string where an object was expected, ...) is kept as it is,
 * so the origin's parser fails on the stripped payload exactly as it would on the full one:
 * stripping never turns an invalid payload into a valid one.
 */
export function stripToFields(value: unknown, tree: FieldTree): unknown {
  switch (tree.kind) {
    case 'keep':
      return value;
    case 'array':
      return Array.isArray(value) ? value.map((element) => stripToFields(element, tree.element)) : value;
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const kept: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        // Own keys of the tree only: a payload key named "constructor" must not find Object.prototype.
        if (Object.hasOwn(tree.fields, key)) kept[key] = stripToFields(child, tree.fields[key]!);
      }
      return kept;
    }
    default:
      return assertNever(tree);
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown field tree ${JSON.stringify(value)}`);
}

export type StripResult = { valid: true; body: Uint8Array } | { valid: false; reason: string };

/** Parses a webhook body, keeps what `tree` names, and serialises it again. */
export function stripWebhookBody(rawBody: Uint8Array, tree: FieldTree): StripResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(rawBody));
  } catch (err) {
    return { valid: false, reason: `body is not valid JSON: ${(err as Error).message}` };
  }
  // Every Shopify webhook body is an object; the origin refuses anything else (400) too.
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { valid: false, reason: 'body must be a JSON object' };
  return { valid: true, body: new TextEncoder().encode(JSON.stringify(stripToFields(parsed, tree))) };
}
