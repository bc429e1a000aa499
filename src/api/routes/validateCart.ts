import { Router, type RequestHandler } from 'express';
import { classifyDbError } from '../../db/errors';
import { DependencyUnavailableError } from '../../errors';
import { validateCart } from '../../domain/validation/validateCart';
import type { RulesRepository } from '../../repositories/rulesRepository';
import { loadCartRules } from '../../validation/loadCartRules';
import { cartBodyParsers, cartOf } from './cartBody';

/**
 * `POST /validate/cart`: the cart of `POST /carts`, checked against every rule from
 * PostgreSQL alone (never Shopify). 200 `{ valid, errors }` whatever the verdict; 400 only
 * when the request is not a cart.
 */
export function validateCartRoutes(deps: { rules: RulesRepository; auth: RequestHandler; maxLines: number }): Router {
  const router = Router();
  router.post('/validate/cart', deps.auth, ...cartBodyParsers, async (req, res) => {
    const cart = cartOf(req, res, { maxLines: deps.maxLines, invalidMessage: 'not a cart' });
    if (!cart) return;
    const rules = await loadCartRules(deps.rules, { shop: cart.shop, companyLocationGid: cart.companyLocationId, shippingAddress: cart.shippingAddress, lines: cart.lines }).catch((err: unknown) => {
      // Down or saturated (no connection within the pool's timeout): busy, not broken.
      if (classifyDbError(err) === 'unavailable') throw new DependencyUnavailableError('cart rules could not be read: PostgreSQL is unavailable or saturated; retry', 'RULES_UNAVAILABLE');
      throw err;
    });
    res.json(validateCart(rules.validation));
  });
  return router;
}
