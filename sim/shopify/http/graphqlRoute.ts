import express, { Router } from 'express';
import { secretsEqual } from '../../../src/shopify/webhooks/hmac';
import type { GraphqlRequest, createGraphqlExecutor } from '../graphql/executeGraphql';
import { INVALID_TOKEN_BODY } from '../graphql/responses';
import type { SimulatorCore } from '../simulatorCore';
import { SIMULATED_API_VERSION } from '../simulatorCore';

/**
 * `POST /:shop/admin/api/:version/graphql.json` — the Admin API endpoint, reached through a
 * base URL of `http://127.0.0.1:PORT/{shop}` so a client builds the same paths it would
 * against `https://{shop}`. Unknown shop 404; missing or wrong `X-Shopify-Access-Token`
 * 401 with Shopify's exact body.
 */
const VERSION = /^(\d{4}-(01|04|07|10)|unstable)$/;

export function graphqlRoutes(core: SimulatorCore, execute: ReturnType<typeof createGraphqlExecutor>): Router {
  const router = Router();
  router.post('/:shop/admin/api/:version/graphql.json', express.json({ limit: '20mb', type: () => true }), async (req, res) => {
    const shopName = String(req.params.shop);
    const version = String(req.params.version);
    const shop = core.shops.get(shopName);
    if (!shop || !VERSION.test(version)) {
      res.status(404).json({ errors: 'Not Found' });
      return;
    }
    const token = req.get('x-shopify-access-token') ?? '';
    if (!secretsEqual(token, shop.accessToken)) {
      res.status(401).json(INVALID_TOKEN_BODY);
      return;
    }
    const outcome = await execute(shop, (req.body ?? {}) as GraphqlRequest, { baseUrl: `${req.protocol}://${req.get('host')}`, apiVersion: version });
    if (outcome.kind === 'drop') {
      // The work is done; the client never hears about it.
      req.socket.destroy();
      return;
    }
    res.status(outcome.status).set({ 'x-shopify-api-version': SIMULATED_API_VERSION, ...outcome.headers }).json(outcome.body);
  });
  return router;
}
