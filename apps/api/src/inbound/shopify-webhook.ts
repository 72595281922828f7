import type { RequestHandler } from 'express';
import { withShop } from '@sumeru/db';
import { verifyShopifyHmac } from '@sumeru/webhooks';
import type { ApiDeps } from '../deps';
import { state } from '../http/request-context';
import { badSignature, loadInboundShop } from './shop-secrets';
import { rawBodyOf, sha256Hex, storeInbound } from './store-inbound';

const TOPIC = /^[a-z_]+\/[a-z_]+$/;

/**
 * `POST /webhooks/shopify/:shop_id`: the raw body is checked against X-Shopify-Hmac-Sha256 with
 * the shop's secret (or the previous one within its hour) before anything reads it, stored,
 * and answered; the worker applies it. X-Shopify-Webhook-Id de-duplicates redeliveries.
 */
export const receiveShopify = (deps: ApiDeps): RequestHandler => async (req, res) => {
  const body = rawBodyOf(req);
  const header = req.get('x-shopify-hmac-sha256');
  const stored = await withShop(deps.db, String(req.params.shop_id), async (tx) => {
    const shop = await loadInboundShop(tx, String(req.params.shop_id), deps.secret);
    if (!shop.shopifySecrets.some((secret) => verifyShopifyHmac(body, header, secret))) throw badSignature('X-Shopify-Hmac-Sha256');
    const rawTopic = req.get('x-shopify-topic') ?? '';
    const topic = TOPIC.test(rawTopic) ? rawTopic : 'unknown';
    const webhookId = req.get('x-shopify-webhook-id');
    // Shopify always sends the id; without one, identical bodies of a topic count as one event.
    const providerEventId = webhookId && webhookId.length <= 200 ? webhookId : `sha256:${sha256Hex(Buffer.concat([Buffer.from(`${topic}\n`), body]))}`;
    return storeInbound(tx, shop, { provider: 'shopify', topic, providerEventId }, body);
  });
  state(res).log.info({ inbound_id: stored.id, duplicate: stored.duplicate, provider: 'shopify' }, 'inbound webhook stored');
  res.status(200).json({ received: true, duplicate: stored.duplicate });
};
