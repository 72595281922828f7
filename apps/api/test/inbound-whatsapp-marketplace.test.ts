import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let shop: { agencyId: string; shopId: string };
let bare: { agencyId: string; shopId: string };
const VERIFY_TOKEN = 'verify-token-3f9a1c7e';
const APP_SECRET = 'meta-app-secret-8d2b4f6a';
const MARKET_SECRET = 'marketplace-secret-0123456789abcdef';

const hexSig = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Polls the stored webhook until the worker has settled it (bounded). */
const settled = async (where: (r: typeof schema.inboundWebhooks.$inferSelect) => boolean) => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.inboundWebhooks));
    const row = rows.find(where);
    if (row && row.status !== 'received') return row;
    if (Date.now() > deadline) throw new Error(`inbound webhook still ${row?.status ?? 'missing'} after 20 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const inboundCount = async () => (await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.inboundWebhooks))).length;

beforeAll(async () => {
  api = await startTestApi({}, { jobs: true });
  const tenant = await createTenant(api.deps.db, 2);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  bare = { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! };
  const { token } = await createToken(api.deps.db, shop);
  const res = await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { data: { attributes: { whatsapp_verify_token: VERIFY_TOKEN, whatsapp_app_secret: APP_SECRET, marketplace_webhook_secret: MARKET_SECRET } } } });
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await api.close();
});

describe('GET /webhooks/whatsapp/:shop_id (hub.challenge handshake)', () => {
  const handshake = (shopId: string, params: Record<string, string>) => call(api, `/webhooks/whatsapp/${shopId}?${new URLSearchParams(params)}`);

  it('echoes the challenge as text for the shop’s verify token', async () => {
    const res = await handshake(shop.shopId, { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.text).toBe('1158201444');
  });

  it('403 envelope for a wrong token, a wrong mode, no token, or a shop without one', async () => {
    expectEnvelope(await handshake(shop.shopId, { 'hub.mode': 'subscribe', 'hub.verify_token': `${VERIFY_TOKEN}x`, 'hub.challenge': '1' }), 403, 'forbidden');
    expectEnvelope(await handshake(shop.shopId, { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN.slice(0, -1), 'hub.challenge': '1' }), 403, 'forbidden');
    expectEnvelope(await handshake(shop.shopId, { 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }), 403, 'forbidden');
    expectEnvelope(await handshake(shop.shopId, { 'hub.mode': 'subscribe', 'hub.challenge': '1' }), 403, 'forbidden');
    expectEnvelope(await handshake(bare.shopId, { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }), 403, 'forbidden');
  });

  it('404 envelope for an unknown shop', async () => {
    expectEnvelope(await handshake(newId('shop'), { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }), 404, 'not_found');
  });

  it('never logs the verify token', () => {
    expect(JSON.stringify(api.logs)).not.toContain(VERIFY_TOKEN.slice(0, -1));
  });
});

describe('POST /webhooks/whatsapp/:shop_id (message statuses)', () => {
  const statusesBody = (statuses: unknown[]) => JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1' }, statuses } }] }],
  });
  const send = (body: string, signature: string | undefined, shopId = shop.shopId) =>
    call(api, `/webhooks/whatsapp/${shopId}`, { method: 'POST', rawBody: body, headers: { 'content-type': 'application/json', ...(signature !== undefined ? { 'x-hub-signature-256': signature } : {}) } });
  const statusesOf = (messageId: string) => withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.messageStatuses).where(eq(schema.messageStatuses.messageId, messageId)));

  it('records sent, delivered, read and failed, once each', async () => {
    const body = statusesBody([
      { id: 'wamid.A', status: 'sent', timestamp: '1767225600', recipient_id: '491701234567' },
      { id: 'wamid.A', status: 'delivered', timestamp: '1767225601', recipient_id: '491701234567' },
      { id: 'wamid.A', status: 'read', timestamp: '1767225602', recipient_id: '491701234567' },
      { id: 'wamid.B', status: 'failed', timestamp: '1767225603', recipient_id: '491707654321', errors: [{ code: 131026, title: 'Message undeliverable' }] },
    ]);
    const res = await send(body, hexSig(body, APP_SECRET));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, duplicate: false });
    // Meta sends no event id: a byte-identical redelivery is the same event.
    expect((await send(body, hexSig(body, APP_SECRET))).body.duplicate).toBe(true);
    const row = await settled((r) => r.provider === 'whatsapp' && r.rawBody === body);
    expect(row).toMatchObject({ status: 'processed', result: { statuses_recorded: 4, statuses_already_known: 0 } });
    expect((await statusesOf('wamid.A')).map((s) => s.status).sort()).toEqual(['delivered', 'read', 'sent']);
    const [failed] = await statusesOf('wamid.B');
    expect(failed).toMatchObject({ status: 'failed', recipient: '491707654321', errors: [{ code: 131026, title: 'Message undeliverable' }] });
    expect(failed!.occurredAt.toISOString()).toBe('2026-01-01T00:00:03.000Z');

    // A different delivery repeating a known status changes nothing (unique per message and status).
    const again = statusesBody([{ id: 'wamid.A', status: 'read', timestamp: '1767225609' }, { id: 'wamid.A', status: 'deleted', timestamp: '1767225610' }]);
    expect((await send(again, hexSig(again, APP_SECRET))).status).toBe(200);
    expect(await settled((r) => r.rawBody === again)).toMatchObject({ status: 'processed', result: { statuses_recorded: 0, statuses_already_known: 1, statuses_ignored: 1 } });
    expect(await statusesOf('wamid.A')).toHaveLength(3);
  });

  it('401 for a bad, wrong-length, wrong-scheme or missing signature, or a shop without an app secret', async () => {
    const before = await inboundCount();
    const body = statusesBody([{ id: 'wamid.C', status: 'sent', timestamp: '1767225600' }]);
    const good = hexSig(body, APP_SECRET);
    for (const signature of [hexSig(body, 'other-secret'), good.slice(0, -2), `${good}00`, 'sha256=', good.replace('sha256=', 'sha1='), good.replace('sha256=', ''), undefined]) {
      const error = expectEnvelope(await send(body, signature), 401, 'unauthenticated');
      expect(error.details.header).toBe('X-Hub-Signature-256');
    }
    expectEnvelope(await send(body, good, bare.shopId), 401, 'unauthenticated');
    expect(await inboundCount()).toBe(before);
  });

  it('a signed body that is not a WhatsApp webhook is stored and failed with its reason', async () => {
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: 'nope' });
    expect((await send(body, hexSig(body, APP_SECRET))).status).toBe(200);
    const row = await settled((r) => r.rawBody === body);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/entry/);
  });
});

describe('POST /webhooks/marketplace/:shop_id/:source (order feed)', () => {
  const send = (source: string, body: string, headers: Record<string, string> = {}, shopId = shop.shopId) =>
    call(api, `/webhooks/marketplace/${shopId}/${source}`, { method: 'POST', rawBody: body, headers: { 'content-type': 'application/json', 'x-sumeru-marketplace-signature': hexSig(body, MARKET_SECRET), ...headers } });
  const order = (id: string, extra: Record<string, unknown> = {}) => ({
    id, currency: 'EUR', placed_at: '2026-05-03T12:00:00Z', shipping_total: 3.9, tax_total: '1.10',
    customer: { id: 'C-9', email: 'Buyer@Example.com', first_name: 'Bea' },
    line_items: [{ sku: 'TEA-1', title: 'Tea', quantity: 3, unit_price: '4.50' }, { title: 'Gift wrap', quantity: 1, unit_price: 2 }],
    ...extra,
  });
  const ordersOf = (externalId: string) => withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.orders).where(eq(schema.orders.externalId, externalId)));

  it('imports an order as <source>_<id>, totals from the lines, with its customer', async () => {
    const body = JSON.stringify(order('MP-1001'));
    const res = await send('zalando', body, { 'x-marketplace-event-id': 'evt-1' });
    expect(res.status).toBe(200);
    const row = await settled((r) => r.providerEventId === 'zalando:evt-1');
    expect(row).toMatchObject({ status: 'processed', source: 'zalando' });
    const [stored] = await ordersOf('zalando_MP-1001');
    expect(stored).toMatchObject({ number: 'MP-1001', status: 'paid', subtotal: '15.50', shippingTotal: '3.90', taxTotal: '1.10', total: '20.50' });
    const [customer] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.customers).where(eq(schema.customers.id, stored!.customerId!)));
    expect(customer).toMatchObject({ externalId: 'zalando_C-9', email: 'buyer@example.com', ordersCount: 1 });
    // The same event id again is a duplicate; the same order id from another source is another order.
    expect((await send('zalando', body, { 'x-marketplace-event-id': 'evt-1' })).body.duplicate).toBe(true);
    expect((await send('otto', body, { 'x-marketplace-event-id': 'evt-1' })).body.duplicate).toBe(false);
    await settled((r) => r.providerEventId === 'otto:evt-1');
    expect(await ordersOf('otto_MP-1001')).toHaveLength(1);
    expect(await ordersOf('zalando_MP-1001')).toHaveLength(1);
  });

  it('a batch updates one order and creates another; events say which', async () => {
    const body = JSON.stringify({ orders: [order('MP-1001', { status: 'fulfilled' }), order('MP-1002')] });
    expect((await send('zalando', body)).status).toBe(200);
    const row = await settled((r) => r.source === 'zalando' && r.rawBody === body);
    expect(row.status).toBe('processed');
    expect((row.result as { orders: { created: boolean }[] }).orders.map((o) => o.created)).toEqual([false, true]);
    expect((await ordersOf('zalando_MP-1001'))[0]!.status).toBe('fulfilled');
    const events = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.events));
    const types = events.filter((e) => ['zalando_MP-1001', 'zalando_MP-1002'].includes((e.data as { attributes?: { external_id?: string } }).attributes?.external_id ?? '')).map((e) => e.type).sort();
    expect(types).toEqual(['order.created', 'order.created', 'order.updated']);
  });

  it('an invalid order with a valid signature fails with a reason naming the field', async () => {
    const body = JSON.stringify({ orders: [order('MP-2001'), order('MP-2002', { line_items: [{ title: 'x', quantity: 0, unit_price: 1 }] })] });
    expect((await send('zalando', body)).status).toBe(200);
    const row = await settled((r) => r.rawBody === body);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/orders\[1\].*line_items\.0\.quantity/);
    // All or nothing: the valid first order was not kept either.
    expect(await ordersOf('zalando_MP-2001')).toHaveLength(0);
  });

  it('401 for a bad or missing signature; 404 for a malformed source or unknown shop', async () => {
    const before = await inboundCount();
    const body = JSON.stringify(order('MP-3001'));
    expectEnvelope(await send('zalando', body, { 'x-sumeru-marketplace-signature': hexSig(`${body} `, MARKET_SECRET) }), 401, 'unauthenticated');
    expectEnvelope(await send('zalando', body, { 'x-sumeru-marketplace-signature': 'sha256=abc' }), 401, 'unauthenticated');
    expectEnvelope(await send('zalando', body, {}, bare.shopId), 401, 'unauthenticated');
    expectEnvelope(await send('Bad%20Source', body), 404, 'not_found');
    expectEnvelope(await send('zalando', body, {}, newId('shop')), 404, 'not_found');
    expect(await inboundCount()).toBe(before);
  });

  it('never logs secrets or bodies', () => {
    const logs = JSON.stringify(api.logs);
    for (const secret of [APP_SECRET, MARKET_SECRET, 'Buyer@Example.com', 'wamid.A']) expect(logs).not.toContain(secret);
  });
});
