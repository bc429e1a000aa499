import express, { Router, type Response } from 'express';
import type { z } from 'zod';
import { applyCatalogChange } from '../catalog/catalogChanges';
import { shopRegistrationSchema } from '../shop/shopRegistration';
import { createShopState, type ShopState } from '../shop/shopState';
import type { SimulatorCore } from '../simulatorCore';
import {
  bulkFaultsSchema,
  catalogChangeSchema,
  faultsBodySchema,
  resetBodySchema,
  settingsBodySchema,
  throttleBodySchema,
  webhookTargetSchema,
  webhookTriggerSchema,
} from './adminSchemas';
import { shopSnapshot } from './stateSnapshot';

/**
 * `/_sim/*`: what tests and operators use to arrange and inspect the simulated Shopify.
 * Thin routes: parse with zod, make one change, answer JSON. Errors are
 * `{ "error": { "code", "message" } }` like the service's own.
 */
const fail = (res: Response, status: number, code: string, message: string, details?: unknown): void => {
  res.status(status).json({ error: { code, message, ...(details === undefined ? {} : { details }) } });
};

function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown, res: Response): z.output<T> | undefined {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data as z.output<T>;
  fail(res, 400, 'BODY_INVALID', 'request body does not match the endpoint', parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`));
  return undefined;
}

export function adminRoutes(core: SimulatorCore): Router {
  const router = Router();
  router.use('/_sim', express.json({ limit: '20mb' }));

  const withShop = (name: unknown, res: Response): ShopState | undefined => {
    const shop = core.shops.get(String(name));
    if (!shop) fail(res, 404, 'SHOP_UNKNOWN', `shop ${String(name)} is not registered`);
    return shop;
  };

  router.post('/_sim/shops', (req, res) => {
    const registration = parseBody(shopRegistrationSchema, req.body, res);
    if (!registration) return;
    const shop = core.registerShop(registration);
    res.status(201).json({
      shop: shop.shop,
      shopId: `gid://shopify/Shop/${shop.shopId}`,
      plan: shop.plan,
      bucketSize: shop.bucket.size,
      restoreRate: shop.bucket.restoreRate,
      catalog: shop.catalog.spec,
      graphqlPath: `/${shop.shop}/admin/api/2026-07/graphql.json`,
    });
  });

  router.get('/_sim/shops', (_req, res) => {
    res.json({ shops: [...core.shops.values()].map((s) => ({ shop: s.shop, plan: s.plan, catalog: s.catalog.spec })) });
  });

  router.post('/_sim/reset', (req, res) => {
    const body = parseBody(resetBodySchema, req.body, res);
    if (!body) return;
    if (body.shop === undefined) {
      core.shops.clear();
      core.faults = [];
      res.json({ reset: 'all' });
      return;
    }
    const shop = withShop(body.shop, res);
    if (!shop) return;
    core.shops.set(shop.shop, createShopState(shop.registration, core.clock.now()));
    res.json({ reset: shop.shop });
  });

  router.get('/_sim/faults', (_req, res) => {
    res.json({ rules: core.faults });
  });
  router.put('/_sim/faults', (req, res) => {
    const body = parseBody(faultsBodySchema, req.body, res);
    if (!body) return;
    core.faults = body.rules;
    res.json({ rules: core.faults });
  });
  router.delete('/_sim/faults', (_req, res) => {
    core.faults = [];
    res.json({ rules: [] });
  });

  router.put('/_sim/settings', (req, res) => {
    const body = parseBody(settingsBodySchema, req.body, res);
    if (!body) return;
    Object.assign(core.settings, body);
    res.json({ webhookTimeScale: core.settings.webhookTimeScale, throttledHttpStatus: core.settings.throttledHttpStatus });
  });

  router.get('/_sim/shops/:shop/state', (req, res) => {
    const shop = withShop(req.params.shop, res);
    if (shop) res.json(shopSnapshot(shop, core.clock.now()));
  });

  router.put('/_sim/shops/:shop/throttle', (req, res) => {
    const shop = withShop(req.params.shop, res);
    const body = shop && parseBody(throttleBodySchema, req.body, res);
    if (!shop || !body) return;
    shop.bucket.setAvailable(body.currentlyAvailable, core.clock.now());
    res.json({ throttleStatus: shop.bucket.status(core.clock.now()) });
  });

  router.get('/_sim/shops/:shop/webhooks', (req, res) => {
    const shop = withShop(req.params.shop, res);
    if (shop) res.json({ deliveries: shop.webhookLog.all() });
  });
  router.put('/_sim/shops/:shop/webhook-target', (req, res) => {
    const shop = withShop(req.params.shop, res);
    const body = shop && parseBody(webhookTargetSchema, req.body, res);
    if (!shop || body === undefined) return;
    shop.webhooks = body;
    res.json({ webhooks: body ? { url: body.url } : null });
  });
  router.delete('/_sim/shops/:shop/webhook-target', (req, res) => {
    const shop = withShop(req.params.shop, res);
    if (!shop) return;
    shop.webhooks = null;
    res.json({ webhooks: null });
  });
  router.post('/_sim/shops/:shop/webhooks', (req, res) => {
    const shop = withShop(req.params.shop, res);
    const body = shop && parseBody(webhookTriggerSchema, req.body, res);
    if (!shop || !body) return;
    if (!shop.webhooks) return fail(res, 409, 'WEBHOOKS_NOT_CONFIGURED', `shop ${shop.shop} has no webhook url and secret`);
    const delivery = core.webhooks.send(shop.webhookLog, shop.shop, shop.webhooks, body.topic, body.payload ?? {});
    res.status(202).json({ webhookId: delivery.webhookId, eventId: delivery.eventId, triggeredAt: delivery.triggeredAt });
  });

  router.post('/_sim/shops/:shop/catalog/changes', (req, res) => {
    const shop = withShop(req.params.shop, res);
    const body = shop && parseBody(catalogChangeSchema, req.body, res);
    if (!shop || !body) return;
    const result = applyCatalogChange(shop.catalog, body, core.clock.now());
    if (!result.ok) return fail(res, 400, 'CATALOG_CHANGE_INVALID', 'the catalog change names things that are not in the catalog', result.problems);
    shop.catalog = result.catalog;
    res.json({ version: shop.catalog.version, deletedProducts: shop.catalog.deletedProducts.size, priceOverrides: shop.catalog.prices.size });
  });

  router.put('/_sim/shops/:shop/bulk-faults', (req, res) => {
    const shop = withShop(req.params.shop, res);
    const body = shop && parseBody(bulkFaultsSchema, req.body, res);
    if (!shop || !body) return;
    shop.bulkFaults = body;
    res.json({ bulkFaults: body });
  });
  router.delete('/_sim/shops/:shop/bulk-faults', (req, res) => {
    const shop = withShop(req.params.shop, res);
    if (!shop) return;
    shop.bulkFaults = null;
    res.json({ bulkFaults: null });
  });

  return router;
}
