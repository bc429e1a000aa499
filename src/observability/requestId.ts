import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * A caller's request ID is kept when it looks like one (a load balancer's or the edge's),
 * so one ID follows a delivery across hops; anything else — too long, odd characters that
 * could forge log structure or carry a secret — is replaced.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(given: string | undefined): string {
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
