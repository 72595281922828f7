import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { newId, type WebhookEventType } from '@sumeru/domain';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let shop: { agencyId: string; shopId: string };
let other: { agencyId: string; shopId: string };
let token: string;
const SECRET = 'shpss_first_secret_0123456789abcdef';
const OTHER_SECRET = 'shpss_other_shop_secret_0123456789';

const sign = (body: string | Buffer, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');

const post = (shopId: string, body: string, headers: Record<string, string | undefined>) => {
  const h = Object.fromEntries(Object.entries({ 'content-type': 'application/json', ...headers }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return call(api, `/webhooks/shopify/${shopId}`, { method: 'POST', rawBody: body, headers: h });
};

/** A Shopify delivery: topic, webhook id and HMAC headers as Shopify sends them. */
const deliver = (body: string, options: { topic?: string; id?: string; secret?: string; shopId?: string; hmac?: string } = {}) =>
  post(options.shopId ?? shop.shopId, body, {
    'x-shopify-topic': options.topic ?? 'orders/create',
    'x-shopify-webhook-id': options.id ?? crypto.randomUUID(),
    'x-shopify-hmac-sha256': options.hmac ?? sign(body, options.secret),
  });

const inboundRows = (shopId = shop.shopId) => withShop(api.deps.db, shopId, (tx) => tx.select().from(schema.inboundWebhooks).orderBy(schema.inboundWebhooks.receivedAt));

/** Polls the stored webhook until the worker has settled it (bounded). */
const settled = async (providerEventId: string, shopId = shop.shopId) => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = await withShop(api.deps.db, shopId, (tx) => tx.select().from(schema.inboundWebhooks).where(eq(schema.inboundWebhooks.providerEventId, providerEventId)));
    if (row && row.status !== 'received') return row;
    if (Date.now() > deadline) throw new Error(`inbound ${providerEventId} still ${row?.status ?? 'missing'} after 20 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const ordersByExternalId = (externalId: string) =>
  withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.orders).where(eq(schema.orders.externalId, externalId)));

const eventsOf = (type: WebhookEventType) => withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.events).where(eq(schema.events.type, type)));

let nextId = 5_400_000_100;
const orderBody = (overrides: Record<string, unknown> = {}) => {
  nextId += 1;
  return {
    id: nextId,
    name: `#${nextId}`,
    email: 'grace@example.com',
    currency: 'EUR',
    created_at: '2026-05-01T10:00:00Z',
    financial_status: 'paid',
    total_price: '29.90',
    total_tax: '4.77',
    total_discounts: '0.00',
    shipping_lines: [{ price: '4.90' }],
    line_items: [{ title: 'Mug', quantity: 2, price: '12.50', sku: 'MUG-1', product_id: 8_200_000_001 }],
    customer: { id: 6_100_000_001, first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' },
    ...overrides,
  };
};

beforeAll(async () => {
  api = await startTestApi({}, { jobs: true });
  const tenant = await createTenant(api.deps.db, 2);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  other = { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! };
  token = (await createToken(api.deps.db, shop)).token;
  // Secrets are set the way an operator sets them: through the admin API.
  expect((await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { shopify_webhook_secret: SECRET } })).status).toBe(200);
  const otherToken = (await createToken(api.deps.db, other)).token;
  expect((await call(api, '/api/v1/shop', { token: otherToken, method: 'PATCH', body: { shopify_webhook_secret: OTHER_SECRET } })).status).toBe(200);
  // A catalogue product the order's line links to by its Shopify id.
  await withShop(api.deps.db, shop.shopId, (tx) => tx.insert(schema.products).values({ id: newId('product'), ...shop, externalId: 'shopify_8200000001', title: 'Mug', handle: 'mug', price: '12.50', sku: 'MUG-1' }));
});

afterAll(async () => {
  await api.close();
});

describe('POST /webhooks/shopify/:shop_id', () => {
  it('answers 200 at once, and the worker creates the order, its lines and its customer', async () => {
    const payload = orderBody();
    const id = crypto.randomUUID();
    const res = await deliver(JSON.stringify(payload), { id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, duplicate: false });
    const row = await settled(id);
    expect(row.status).toBe('processed');
    expect(row.topic).toBe('orders/create');
    const [order] = await ordersByExternalId(`shopify_${payload.id}`);
    expect(order).toMatchObject({ number: `#${payload.id}`, status: 'paid', currency: 'EUR', subtotal: '25.00', shippingTotal: '4.90', taxTotal: '4.77', total: '29.90' });
    expect(row.result).toMatchObject({ order_id: order!.id, created: true });
    const lines = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.orderLineItems).where(eq(schema.orderLineItems.orderId, order!.id)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ title: 'Mug', quantity: 2, unitPrice: '12.50', total: '25.00' });
    expect(lines[0]!.productId).not.toBeNull();
    const [customer] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.customers).where(eq(schema.customers.id, order!.customerId!)));
    expect(customer).toMatchObject({ externalId: 'shopify_6100000001', email: 'grace@example.com', firstName: 'Grace', ordersCount: 1, totalSpent: '29.90' });
    expect((await eventsOf('order.created')).map((e) => (e.data as { id: string }).id)).toContain(order!.id);
    expect((await eventsOf('customer.created')).map((e) => (e.data as { id: string }).id)).toContain(customer!.id);
    // Through the admin API, the order is there like any other.
    const listed = await call(api, `/api/v1/orders?filter[external_id]=shopify_${payload.id}`, { token });
    expect(listed.body.data).toHaveLength(1);
  });

  it('orders/updated updates the same order and records order.updated', async () => {
    const payload = orderBody();
    const createdId = crypto.randomUUID();
    await deliver(JSON.stringify(payload), { id: createdId });
    await settled(createdId);
    const updatedId = crypto.randomUUID();
    const res = await deliver(JSON.stringify({ ...payload, cancelled_at: '2026-05-02T10:00:00Z' }), { id: updatedId, topic: 'orders/updated' });
    expect(res.status).toBe(200);
    expect((await settled(updatedId)).status).toBe('processed');
    const orders = await ordersByExternalId(`shopify_${payload.id}`);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.status).toBe('cancelled');
    expect((await eventsOf('order.updated')).map((e) => (e.data as { id: string; attributes: { status: string } }))).toContainEqual(expect.objectContaining({ id: orders[0]!.id, attributes: expect.objectContaining({ status: 'cancelled' }) }));
  });

  it('a duplicate X-Shopify-Webhook-Id is stored once and makes one order', async () => {
    const payload = orderBody();
    const body = JSON.stringify(payload);
    const id = crypto.randomUUID();
    const [a, b] = await Promise.all([deliver(body, { id }), deliver(body, { id })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
    expect((await deliver(body, { id })).body.duplicate).toBe(true);
    await settled(id);
    expect((await inboundRows()).filter((r) => r.providerEventId === id)).toHaveLength(1);
    const orders = await ordersByExternalId(`shopify_${payload.id}`);
    expect(orders).toHaveLength(1);
    expect((await eventsOf('order.created')).filter((e) => (e.data as { id: string }).id === orders[0]!.id)).toHaveLength(1);
  });

  describe('refused with 401 before anything is stored', () => {
    const refused = async (res: Awaited<ReturnType<typeof deliver>>) => {
      const error = expectEnvelope(res, 401, 'unauthenticated');
      expect(error.details.header).toBe('X-Shopify-Hmac-Sha256');
    };

    it('a flipped byte in the body', async () => {
      const before = (await inboundRows()).length;
      const body = Buffer.from(JSON.stringify(orderBody()));
      const hmac = sign(body);
      body[10] = body[10]! ^ 0x01;
      await refused(await post(shop.shopId, body.toString('latin1'), { 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': crypto.randomUUID(), 'x-shopify-hmac-sha256': hmac }));
      expect((await inboundRows()).length).toBe(before);
    });

    it('a wrong-length, empty, garbage or missing header', async () => {
      const before = (await inboundRows()).length;
      const body = JSON.stringify(orderBody());
      const full = createHmac('sha256', SECRET).update(body).digest();
      await refused(await deliver(body, { hmac: full.subarray(0, 16).toString('base64') }));
      await refused(await deliver(body, { hmac: Buffer.concat([full, Buffer.from([0])]).toString('base64') }));
      await refused(await deliver(body, { hmac: 'x' }));
      await refused(await deliver(body, { hmac: '' }));
      await refused(await post(shop.shopId, body, { 'x-shopify-topic': 'orders/create' }));
      expect((await inboundRows()).length).toBe(before);
    });

    it('the same JSON re-serialised (same data, different bytes)', async () => {
      const before = (await inboundRows()).length;
      const body = JSON.stringify(orderBody());
      const hmac = sign(body);
      await refused(await deliver(JSON.stringify(JSON.parse(body), null, 2), { hmac }));
      await refused(await deliver(JSON.stringify(JSON.parse(body)).replace('{"id"', '{ "id"'), { hmac }));
      expect((await inboundRows()).length).toBe(before);
    });

    it('a body signed with another shop’s secret', async () => {
      const before = (await inboundRows()).length;
      await refused(await deliver(JSON.stringify(orderBody()), { secret: OTHER_SECRET }));
      expect((await inboundRows()).length).toBe(before);
    });
  });

  it('reads the body whatever its Content-Type, or without one', async () => {
    const body = JSON.stringify(orderBody());
    const id = crypto.randomUUID();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${api.url}/webhooks/shopify/${shop.shopId}`, { method: 'POST', headers: { 'x-shopify-topic': 'orders/create', 'x-shopify-webhook-id': id, 'x-shopify-hmac-sha256': sign(body), 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(200);
    expect((await settled(id)).status).toBe('processed');
    expect((await post(shop.shopId, body, { 'content-type': 'text/plain', 'x-shopify-topic': 'orders/create', 'x-shopify-hmac-sha256': sign(body) })).status).toBe(200);
  });

  it('an unknown or malformed shop id is a 404 envelope', async () => {
    const body = JSON.stringify(orderBody());
    expectEnvelope(await deliver(body, { shopId: newId('shop') }), 404, 'not_found');
    expectEnvelope(await deliver(body, { shopId: 'not-a-shop' }), 404, 'not_found');
  });

  it('a body over 1 MB is a 413 envelope', async () => {
    const body = JSON.stringify({ ...orderBody(), note: 'x'.repeat(1_100_000) });
    expectEnvelope(await deliver(body), 413, 'payload_too_large');
  });

  it('malformed JSON with a valid signature: 200, stored, then failed with its reason', async () => {
    const id = crypto.randomUUID();
    const res = await deliver('{"id": 1, "line_items": [', { id });
    expect(res.status).toBe(200);
    const row = await settled(id);
    expect(row).toMatchObject({ status: 'failed', error: 'the body is not valid JSON' });
  });

  it('a well-formed order missing what Sumeru needs fails with a reason naming the field', async () => {
    const id = crypto.randomUUID();
    const { currency: _drop, ...payload } = orderBody();
    expect((await deliver(JSON.stringify(payload), { id })).status).toBe(200);
    const row = await settled(id);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/currency/);
    expect(await ordersByExternalId(`shopify_${payload.id}`)).toHaveLength(0);
  });

  it('customers/update, products/update, app/uninstalled and unhandled topics', async () => {
    const customerId = crypto.randomUUID();
    await deliver(JSON.stringify({ id: 6_100_000_001, email: 'GRACE.H@example.com', first_name: 'Grace', last_name: 'Brewster Hopper', tags: 'vip, navy', accepts_marketing: true }), { id: customerId, topic: 'customers/update' });
    expect((await settled(customerId)).status).toBe('processed');
    const [customer] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.customers).where(eq(schema.customers.externalId, 'shopify_6100000001')));
    expect(customer).toMatchObject({ email: 'grace.h@example.com', lastName: 'Brewster Hopper', tags: ['vip', 'navy'], acceptsMarketing: true });
    expect((await eventsOf('customer.updated')).map((e) => (e.data as { id: string }).id)).toContain(customer!.id);

    const productId = crypto.randomUUID();
    await deliver(JSON.stringify({ id: 8_200_000_001, title: 'Big Mug', handle: 'mug', status: 'active', tags: 'kitchen', variants: [{ sku: 'MUG-1', price: '14.00' }] }), { id: productId, topic: 'products/update' });
    expect((await settled(productId)).status).toBe('processed');
    const products = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.products).where(eq(schema.products.externalId, 'shopify_8200000001')));
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ title: 'Big Mug', price: '14.00', sku: 'MUG-1', tags: ['kitchen'] });
    expect((await eventsOf('product.updated')).map((e) => (e.data as { id: string }).id)).toContain(products[0]!.id);

    const uninstalled = crypto.randomUUID();
    await deliver(JSON.stringify({ id: 1, name: 'Shop' }), { id: uninstalled, topic: 'app/uninstalled' });
    const uninstalledRow = await settled(uninstalled);
    expect(uninstalledRow).toMatchObject({ status: 'processed', result: { app_uninstalled: true } });
    // Nothing is cleared: the secret still verifies.
    expect((await deliver(JSON.stringify(orderBody()))).status).toBe(200);

    const other = crypto.randomUUID();
    const res = await deliver(JSON.stringify({ id: 1 }), { id: other, topic: 'carts/create' });
    expect(res.status).toBe(200);
    expect(await settled(other)).toMatchObject({ status: 'processed', topic: 'carts/create', result: { ignored: true } });
  });

  it('never logs the secret or the raw body', async () => {
    const marker = `marker-${crypto.randomUUID()}`;
    const id = crypto.randomUUID();
    await deliver(JSON.stringify(orderBody({ email: `${marker}@example.com`, customer: null })), { id });
    await deliver(`{"broken": "${marker}"`, { id: crypto.randomUUID() });
    await settled(id);
    const logs = JSON.stringify(api.logs);
    expect(logs).toContain('inbound webhook stored');
    expect(logs).not.toContain(marker);
    expect(logs).toContain('inbound webhook processed');
    expect(logs).not.toContain(SECRET);
  });

  it('after a rotation the previous secret works for an hour, then is refused', async () => {
    const NEW_SECRET = 'shpss_second_secret_0123456789abcd';
    const res = await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { shopify_webhook_secret: NEW_SECRET } });
    expect(res.status).toBe(200);
    const expiresAt = Date.parse(res.body.data.attributes.shopify_webhook_previous_secret_expires_at);
    expect(expiresAt - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(60 * 60_000 + 5_000);
    expect((await deliver(JSON.stringify(orderBody()), { secret: SECRET })).status).toBe(200);
    expect((await deliver(JSON.stringify(orderBody()), { secret: NEW_SECRET })).status).toBe(200);
    // The hour passes (moved back in the database rather than waited for).
    await api.deps.db.execute(sql`update shops set shopify_webhook_secret_previous_expires_at = now() - interval '1 second' where id = ${shop.shopId}`);
    expectEnvelope(await deliver(JSON.stringify(orderBody()), { secret: SECRET }), 401, 'unauthenticated');
    expect((await deliver(JSON.stringify(orderBody()), { secret: NEW_SECRET })).status).toBe(200);
  });
});
