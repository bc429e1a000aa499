import { Router, type RequestHandler } from 'express';
import { cartBodyParsers, cartOf } from '../../src/api/routes/cartBody';

export const FLOOR_PATH = '/bench/validate-floor';

/**
 * The work `POST /validate/cart` cannot avoid, and nothing else: the same middleware chain
 * (auth, JSON body parser), the same parseCartRequest (the cart's zod schema and the
 * mapping of its lines), then an answer the size of a valid verdict. No rules are loaded,
 * PostgreSQL is never asked. The real route is reported against this one, in the same
 * server, on the same port, in the same run.
 */
export function validateFloorRouter(deps: { auth: RequestHandler; maxLines: number }): Router {
  const router = Router();
  router.post(FLOOR_PATH, deps.auth, ...cartBodyParsers, (req, res) => {
    if (!cartOf(req, res, { maxLines: deps.maxLines, invalidMessage: 'not a cart' })) return;
    res.json({ valid: true, errors: [] });
  });
  return router;
}
