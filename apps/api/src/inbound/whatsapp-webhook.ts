import type { RequestHandler } from 'express';
import { safeEqual } from '@sumeru/auth';
import { withShop } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { verifyMetaSignature } from '@sumeru/webhooks';
import type { ApiDeps } from '../deps';
import { state } from '../http/request-context';
import { badSignature, loadInboundShop } from './shop-secrets';
import { rawBodyOf, sha256Hex, storeInbound } from './store-inbound';

const queryText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * `GET /webhooks/whatsapp/:shop_id`: Meta's subscription handshake. The challenge is echoed
 * only for `hub.mode=subscribe` and the shop's own verify token (compared in constant time).
 */
export const verifyWhatsappSubscription = (deps: ApiDeps): RequestHandler => async (req, res) => {
  // The extended query parser turns `hub.mode` into { hub: { mode } }; the plain key is read too.
  const hub = (req.query.hub ?? {}) as Record<string, unknown>;
  const mode = queryText(req.query['hub.mode']) ?? queryText(hub.mode);
  const token = queryText(req.query['hub.verify_token']) ?? queryText(hub.verify_token);
  const challenge = queryText(req.query['hub.challenge']) ?? queryText(hub.challenge);
  const shop = await withShop(deps.db, String(req.params.shop_id), (tx) => loadInboundShop(tx, String(req.params.shop_id), deps.secret));
  const expected = shop.whatsappVerifyToken;
  if (mode !== 'subscribe' || !token || !expected || !safeEqual(token, expected) || !challenge || challenge.length > 200) {
    throw new AppError('forbidden', 'The verify token does not match this shop’s WhatsApp verify token.');
  }
  res.status(200).type('text/plain').send(challenge);
};

/**
 * `POST /webhooks/whatsapp/:shop_id`: X-Hub-Signature-256 (sha256=<hex>, keyed with the app
 * secret) over the raw body, checked before parsing; stored, answered, processed by the worker.
 * Meta sends no event id: the body's SHA-256 is one (a redelivery is byte-identical).
 */
export const receiveWhatsapp = (deps: ApiDeps): RequestHandler => async (req, res) => {
  const body = rawBodyOf(req);
  const header = req.get('x-hub-signature-256');
  const stored = await withShop(deps.db, String(req.params.shop_id), async (tx) => {
    const shop = await loadInboundShop(tx, String(req.params.shop_id), deps.secret);
    if (!shop.whatsappAppSecret || !verifyMetaSignature(body, header, shop.whatsappAppSecret)) throw badSignature('X-Hub-Signature-256');
    return storeInbound(tx, shop, { provider: 'whatsapp', topic: 'messages', providerEventId: `sha256:${sha256Hex(body)}` }, body);
  });
  state(res).log.info({ inbound_id: stored.id, duplicate: stored.duplicate, provider: 'whatsapp' }, 'inbound webhook stored');
  res.status(200).json({ received: true, duplicate: stored.duplicate });
};
