import express, { Router } from 'express';
import type { ApiDeps } from '../deps';
import { receiveMarketplace } from './marketplace-webhook';
import { receiveShopify } from './shopify-webhook';
import { receiveWhatsapp, verifyWhatsappSubscription } from './whatsapp-webhook';

/**
 * `/webhooks/*`: provider webhooks. Mounted before the JSON parser: signatures cover the exact
 * bytes received, so each route reads the raw body (1 MB at most) and
 * verifies it before anything parses it. Processing happens in the worker (@sumeru/jobs).
 */
export const inboundWebhooks = (deps: ApiDeps): Router => {
  const router = Router();
  // Every body is read as bytes, whatever its Content-Type (or none): `*/*` would skip a request without one.
  const raw = express.raw({ type: () => true, limit: '1mb' });
  router.post('/shopify/:shop_id', raw, receiveShopify(deps));
  router.get('/whatsapp/:shop_id', verifyWhatsappSubscription(deps));
  router.post('/whatsapp/:shop_id', raw, receiveWhatsapp(deps));
  router.post('/marketplace/:shop_id/:source', raw, receiveMarketplace(deps));
  return router;
};
