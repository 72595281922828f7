import type { RequestHandler } from 'express';
import { withShop } from '@sumeru/db';
import { notFound } from '@sumeru/errors';
import { verifyMetaSignature } from '@sumeru/webhooks';
import type { ApiDeps } from '../deps';
import { state } from '../http/request-context';
import { badSignature, loadInboundShop } from './shop-secrets';
import { rawBodyOf, sha256Hex, storeInbound } from './store-inbound';

/** A source names the marketplace (`zalando`, `otto`, …) and prefixes its ids. */
const SOURCE = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const EVENT_ID = /^[\x21-\x7e]{1,200}$/;

/**
 * `POST /webhooks/marketplace/:shop_id/:source`: the generic order feed (marketplace-feed.md).
 * `X-Sumeru-Marketplace-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the shop's
 * marketplace secret; `X-Marketplace-Event-Id` de-duplicates (else the body's SHA-256).
 */
export const receiveMarketplace = (deps: ApiDeps): RequestHandler => async (req, res) => {
  const source = String(req.params.source);
  if (!SOURCE.test(source)) throw notFound('marketplace source');
  const body = rawBodyOf(req);
  const header = req.get('x-sumeru-marketplace-signature');
  const stored = await withShop(deps.db, String(req.params.shop_id), async (tx) => {
    const shop = await loadInboundShop(tx, String(req.params.shop_id), deps.secret);
    // The same `sha256=<hex>` HMAC of the raw body as Meta's, so the same check.
    if (!shop.marketplaceSecret || !verifyMetaSignature(body, header, shop.marketplaceSecret)) throw badSignature('X-Sumeru-Marketplace-Signature');
    const eventId = req.get('x-marketplace-event-id');
    const providerEventId = `${source}:${eventId && EVENT_ID.test(eventId) ? eventId : `sha256:${sha256Hex(body)}`}`;
    return storeInbound(tx, shop, { provider: 'marketplace', source, topic: 'orders', providerEventId }, body);
  });
  state(res).log.info({ inbound_id: stored.id, duplicate: stored.duplicate, provider: 'marketplace', source }, 'inbound webhook stored');
  res.status(200).json({ received: true, duplicate: stored.duplicate });
};
