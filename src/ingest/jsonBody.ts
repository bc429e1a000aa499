/**
 * Why a webhook body is not a JSON object, or undefined if it is. Every Shopify webhook
 * body is a JSON object. Used only when PostgreSQL is down: normally PostgreSQL's jsonb
 * input and a CHECK constraint decide, so the body is parsed once, off the API's thread.
 */
export function jsonObjectProblem(rawBody: Buffer): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch (err) {
    return `body is not valid JSON: ${(err as Error).message}`;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'body must be a JSON object';
  return undefined;
}
