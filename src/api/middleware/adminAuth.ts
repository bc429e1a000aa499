import type { RequestHandler } from 'express';
import { secretsEqual } from '../../shopify/webhooks/hmac';

/**
 * Operator endpoints (replay, ...) take `Authorization: Bearer <ADMIN_API_TOKEN>`.
 * Without a configured token (local development only; production config requires one)
 * they are open.
 */
export function adminAuth(token: string | undefined, code = 'ADMIN_AUTH'): RequestHandler {
  return (req, res, next) => {
    if (token === undefined) return next();
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!given) {
      res.status(401).json({ error: { code: `${code}_MISSING`, message: 'missing Authorization: Bearer token' } });
      return;
    }
    if (!secretsEqual(given, token)) {
      res.status(403).json({ error: { code: `${code}_INVALID`, message: 'token not accepted' } });
      return;
    }
    next();
  };
}
