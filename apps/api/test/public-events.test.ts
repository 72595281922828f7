import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';
import { expectDocumentedShape, createPublishableKey, type Shop } from './helpers/storefront-fixtures';
import { ZIngestResult } from '../src/public/public-schemas';

let api: TestApi;
let shop: Shop;
let other: Shop;
let key: string;
let otherKey: string;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  [shop, other] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId })) as [Shop, Shop];
  key = (await createPublishableKey(api.deps.db, shop)).key;
  otherKey = (await createPublishableKey(api.deps.db, other)).key;
  admin = (await createToken(api.deps.db, shop)).token;
});

afterAll(async () => {
  await api.close();
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const event = (overrides: Record<string, unknown> = {}) => ({
  event_id: randomUUID(),
  type: 'page_view',
  anonymous_id: 'anon-default',
  occurred_at: minutesAgo(5),
  url: 'https://shop.example/',
  referrer: '',
  properties: {},
  ...overrides,
});
const ingest = (events: unknown[], options: { as?: string; beacon?: boolean } = {}) =>
  options.beacon
    ? call(api, `/api/public/events?key=${options.as ?? key}`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, rawBody: JSON.stringify({ events }) })
    : call(api, '/api/public/events', { method: 'POST', headers: { 'x-sumeru-key': options.as ?? key }, body: { events } });
const storedFor = (anonymousId: string, target = shop) =>
  withShop(api.deps.db, target.shopId, (tx) => tx.select().from(schema.pixelEvents).where(eq(schema.pixelEvents.anonymousId, anonymousId)));

describe('POST /api/public/events', () => {
  it('stores a sendBeacon batch (text/plain JSON, key in the query) and answers 202 with counts', async () => {
    const res = await ingest([event({ anonymous_id: 'anon-beacon' }), event({ anonymous_id: 'anon-beacon', type: 'added_to_cart', properties: { product_id: 'prd_1', quantity: 2 } })], { beacon: true });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ data: { accepted_count: 2, rejected_count: 0, rejected_items: [] } });
    const rows = await storedFor('anon-beacon');
    expect(rows.map((r) => r.name).sort()).toEqual(['added_to_cart', 'page_view']);
    expect(rows.find((r) => r.name === 'added_to_cart')!.properties).toEqual({ product_id: 'prd_1', quantity: 2 });
  });

  it('rejects malformed events by index with their errors and keeps the good ones', async () => {
    const good = [event({ anonymous_id: 'anon-mixed' }), event({ anonymous_id: 'anon-mixed', type: 'custom', name: 'wishlist_added' }), event({ anonymous_id: 'anon-mixed', type: 'newsletter_signup' })];
    const res = await ingest([
      good[0],
      { ...event({ anonymous_id: 'anon-mixed' }), event_id: undefined },
      good[1],
      event({ anonymous_id: 'anon-mixed', occurred_at: 'yesterday' }),
      event({ anonymous_id: 'anon-mixed', type: 'custom' }),
      event({ anonymous_id: 'anon-mixed', surprise: true }),
      'not an object',
      event({ anonymous_id: 'anon-mixed', occurred_at: new Date(Date.now() - 30 * 86_400_000).toISOString() }),
      event({ anonymous_id: 'anon-mixed', type: 'identify' }),
      good[2],
    ]);
    expect(res.status).toBe(202);
    expect(res.body.data.accepted_count).toBe(3);
    expect(res.body.data.rejected_count).toBe(7);
    expectDocumentedShape(ZIngestResult, res.body);
    const byIndex = Object.fromEntries(res.body.data.rejected_items.map((r: { index: number; errors: { field: string }[] }) => [r.index, r.errors.map((e) => e.field)]));
    expect(byIndex).toEqual({ 1: ['event_id'], 3: ['occurred_at'], 4: ['name'], 5: ['surprise'], 6: [''], 7: ['occurred_at'], 8: ['email'] });
    expect((await storedFor('anon-mixed')).map((r) => r.name).sort()).toEqual(['newsletter_signup', 'page_view', 'wishlist_added']);
  });

  it('rejects properties nested too deep for storage, alone, instead of failing the batch', async () => {
    // Built as text: JSON.stringify itself would overflow the stack on it.
    const deep = JSON.stringify(event({ anonymous_id: 'anon-deep', properties: { deep: 0 } })).replace('0}}', `${'['.repeat(20_000)}1${']'.repeat(20_000)}}}`);
    const rawBody = `{"events":[${deep},${JSON.stringify(event({ anonymous_id: 'anon-deep', properties: { ok: { a: { b: 1 } } } }))}]}`;
    const res = await call(api, `/api/public/events?key=${key}`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, rawBody });
    expect(res.status).toBe(202);
    expect(res.body.data.rejected_items).toEqual([{ index: 0, errors: [{ field: 'properties', message: expect.stringContaining('8 levels') }] }]);
    expect(await storedFor('anon-deep')).toHaveLength(1);
  });

  it('rejects an event carrying a NUL character (which PostgreSQL cannot store), alone, instead of failing the batch', async () => {
    const res = await ingest([
      event({ anonymous_id: 'anon-nul', url: 'https://shop.example/\u0000' }),
      event({ anonymous_id: 'anon-nul', properties: { note: 'a\u0000b' } }),
      event({ anonymous_id: 'anon-nul' }),
    ]);
    expect(res.status).toBe(202);
    expect(res.body.data.rejected_items.map((r: { index: number; errors: { field: string }[] }) => [r.index, r.errors[0]!.field])).toEqual([[0, 'url'], [1, 'properties']]);
    expect(await storedFor('anon-nul')).toHaveLength(1);
  });

  it('stores a retried event once (event_id de-duplicates, within a batch and across batches)', async () => {
    const once = event({ anonymous_id: 'anon-dupe' });
    expect((await ingest([once, once])).body.data.accepted_count).toBe(2);
    expect((await ingest([once], { beacon: true })).status).toBe(202);
    expect(await storedFor('anon-dupe')).toHaveLength(1);
  });

  it('refuses an oversized batch: more than 100 events or more than 64 KB (413), and an empty or shapeless one (422)', async () => {
    const tooMany = Array.from({ length: 101 }, () => event({ anonymous_id: 'anon-big' }));
    const many = expectEnvelope(await ingest(tooMany), 413, 'payload_too_large');
    expect(many.details.max_events).toBe(100);
    const heavy = Array.from({ length: 50 }, () => event({ anonymous_id: 'anon-big', properties: { blob: 'x'.repeat(1500) } }));
    expectEnvelope(await ingest(heavy), 413, 'payload_too_large');
    expectEnvelope(await ingest(heavy, { beacon: true }), 413, 'payload_too_large');
    expect(await storedFor('anon-big')).toHaveLength(0);
    expect(expectEnvelope(await ingest([]), 422, 'validation_failed').details.field).toBe('events');
    const notJson = await call(api, `/api/public/events?key=${key}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, rawBody: 'events=1' });
    expectEnvelope(notJson, 400, 'bad_request');
  });

  it('keeps each shop’s events to itself', async () => {
    await ingest([event({ anonymous_id: 'anon-shared' })], { as: otherKey });
    expect(await storedFor('anon-shared')).toHaveLength(0);
    expect(await storedFor('anon-shared', other)).toHaveLength(1);
  });
});

describe('identity stitching and the customer timeline', () => {
  it('shows the anonymous events sent before identify on the customer’s timeline, and only theirs', async () => {
    const [customer] = await createCustomers(api.deps.db, shop, 1, () => ({ email: 'timeline@example.test' }));
    const before = [
      event({ anonymous_id: 'anon-tl', occurred_at: minutesAgo(30), url: 'https://shop.example/p/1' }),
      event({ anonymous_id: 'anon-tl', type: 'product_viewed', occurred_at: minutesAgo(29), properties: { product_id: 'prd_1' } }),
      event({ anonymous_id: 'anon-tl', type: 'added_to_cart', occurred_at: minutesAgo(28) }),
    ];
    await ingest(before);
    await ingest([event({ anonymous_id: 'anon-stranger', occurred_at: minutesAgo(27) })]);
    const empty = await call(api, `/api/v1/customers/${customer!.id}/events`, { token: admin });
    expect(empty.body.data).toEqual([]);

    await ingest([event({ anonymous_id: 'anon-tl', type: 'identify', email: 'Timeline@Example.test', occurred_at: minutesAgo(20) })]);
    await ingest([event({ anonymous_id: 'anon-tl', type: 'checkout_started', customer_id: customer!.id, occurred_at: minutesAgo(10) })]);

    const timeline = await call(api, `/api/v1/customers/${customer!.id}/events`, { token: admin });
    expect(timeline.status).toBe(200);
    expect(timeline.body.data.map((e: { attributes: { name: string } }) => e.attributes.name)).toEqual(['checkout_started', 'identify', 'added_to_cart', 'product_viewed', 'page_view']);
    expect(timeline.body.data[4]).toMatchObject({ id: before[0]!.event_id, type: 'customer_event', attributes: { anonymous_id: 'anon-tl', url: 'https://shop.example/p/1' } });

    const paged = await call(api, `/api/v1/customers/${customer!.id}/events?limit=2&filter[name]=page_view,product_viewed,added_to_cart`, { token: admin });
    expect(paged.body.data.map((e: { attributes: { name: string } }) => e.attributes.name)).toEqual(['added_to_cart', 'product_viewed']);
    const next = await call(api, `/api/v1/customers/${customer!.id}/events?limit=2&filter[name]=page_view,product_viewed,added_to_cart&cursor=${encodeURIComponent(paged.body.pagination.next_cursor)}`, { token: admin });
    expect(next.body.data.map((e: { attributes: { name: string } }) => e.attributes.name)).toEqual(['page_view']);
    expect(next.body.pagination.has_next).toBe(false);
    const reused = await call(api, `/api/v1/customers/${customer!.id}/events?limit=2&cursor=${encodeURIComponent(paged.body.pagination.next_cursor)}`, { token: admin });
    expect(expectEnvelope(reused, 422, 'validation_failed').details.field).toBe('cursor');
  });

  it('links by the shop platform’s customer id (external_id) too, and keeps an unknown email until the customer exists', async () => {
    const [customer] = await createCustomers(api.deps.db, shop, 1, () => ({ externalId: 'shopify-991', email: null }));
    await ingest([event({ anonymous_id: 'anon-ext', occurred_at: minutesAgo(9) }), event({ anonymous_id: 'anon-ext', type: 'identify', customer_id: 'shopify-991', occurred_at: minutesAgo(8) })]);
    const timeline = await call(api, `/api/v1/customers/${customer!.id}/events`, { token: admin });
    expect(timeline.body.data).toHaveLength(2);
    await ingest([event({ anonymous_id: 'anon-nobody', type: 'identify', email: 'nobody@example.test' })]);
    const [identity] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.identities).where(eq(schema.identities.anonymousId, 'anon-nobody')));
    expect(identity).toMatchObject({ email: 'nobody@example.test', customerId: null });
    // The customer arrives later (an order import, a sign-up): the browser's events are on their timeline.
    const [late] = await createCustomers(api.deps.db, shop, 1, () => ({ email: 'Nobody@Example.test' }));
    const timelineLater = await call(api, `/api/v1/customers/${late!.id}/events`, { token: admin });
    expect(timelineLater.body.data.map((e: { attributes: { anonymous_id: string } }) => e.attributes.anonymous_id)).toEqual(['anon-nobody']);
  });

  it('stitches the browser that bought to the order’s customer when the order is imported with its anonymous_id', async () => {
    const [customer] = await createCustomers(api.deps.db, shop, 1, () => ({ externalId: 'erp-buyer-1', email: null }));
    await ingest([
      event({ anonymous_id: 'anon-buyer', occurred_at: minutesAgo(30), url: 'https://shop.example/?utm_source=newsletter&utm_medium=email', utm_source: 'newsletter', utm_medium: 'email' }),
      event({ anonymous_id: 'anon-buyer', type: 'checkout_started', occurred_at: minutesAgo(29) }),
    ]);
    expect((await call(api, `/api/v1/customers/${customer!.id}/events`, { token: admin })).body.data).toHaveLength(0);
    const order = { external_id: 'erp-order-1', number: '#1001', currency: 'EUR', placed_at: minutesAgo(28), customer_external_id: 'erp-buyer-1', anonymous_id: 'anon-buyer', line_items: [{ title: 'Box', quantity: 1, unit_price: 20 }] };
    const imported = await call(api, '/api/v1/orders/bulk', { token: admin, method: 'POST', body: { data: [order, { ...order, external_id: 'erp-order-2', anonymous_id: 'not valid!' }] } });
    expect(imported.body.data).toMatchObject({ sent_count: 1, rejected_count: 1, rejected_items: [{ index: 1, errors: [{ field: 'anonymous_id' }] }] });
    const timeline = await call(api, `/api/v1/customers/${customer!.id}/events`, { token: admin });
    expect(timeline.body.data.map((e: { attributes: { name: string } }) => e.attributes.name)).toEqual(['checkout_started', 'page_view']);
    const [identity] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.identities).where(eq(schema.identities.anonymousId, 'anon-buyer')));
    expect(identity).toMatchObject({ customerId: customer!.id, source: 'order' });
    const touchpoints = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.touchpoints).where(eq(schema.touchpoints.anonymousId, 'anon-buyer')));
    expect(touchpoints.map((t) => t.customerId)).toEqual([customer!.id]);
  });

  it('turns landing page views with UTM parameters or click ids into touchpoints, attributed once identified', async () => {
    const [customer] = await createCustomers(api.deps.db, shop, 1, () => ({ email: 'touch@example.test' }));
    const landing = event({ anonymous_id: 'anon-touch', occurred_at: minutesAgo(40), url: 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=spring&gclid=abc', utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'spring', gclid: 'abc', referrer: 'https://www.google.com/' });
    await ingest([
      landing,
      // The pixel repeats the landing parameters on later events of the visit: not new touches.
      event({ anonymous_id: 'anon-touch', occurred_at: minutesAgo(39), url: 'https://shop.example/p/2', utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'spring', gclid: 'abc' }),
    ]);
    await ingest([landing]);
    const touches = () => withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.touchpoints).where(eq(schema.touchpoints.anonymousId, 'anon-touch')));
    const [touch, ...rest] = await touches();
    expect(rest).toEqual([]);
    expect(touch).toMatchObject({ channel: 'paid_search', source: 'google', medium: 'cpc', campaign: 'spring', clickId: 'abc', customerId: null, referrer: 'https://www.google.com/' });
    await ingest([event({ anonymous_id: 'anon-touch', type: 'identify', email: 'touch@example.test', occurred_at: minutesAgo(30) })]);
    expect((await touches())[0]!.customerId).toBe(customer!.id);
    // Once stitched, a new landing is the customer's straight away.
    await ingest([event({ anonymous_id: 'anon-touch', occurred_at: minutesAgo(2), url: 'https://shop.example/?utm_source=newsletter&utm_medium=email' , utm_source: 'newsletter', utm_medium: 'email' })]);
    const emailTouch = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.touchpoints).where(and(eq(schema.touchpoints.anonymousId, 'anon-touch'), eq(schema.touchpoints.channel, 'email'))));
    expect(emailTouch[0]!.customerId).toBe(customer!.id);
  });
});

describe('storage', () => {
  it('lands in monthly partitions of a range-partitioned table, each under RLS', async () => {
    await ingest([event({ anonymous_id: 'anon-storage' })]);
    const [row] = await api.deps.db.execute<{ kind: string; parts: number }>(sql`
      select c.relkind::text as kind, (select count(*)::int from pg_inherits where inhparent = c.oid) as parts
      from pg_class c where c.relname = 'pixel_events'`);
    expect(row).toMatchObject({ kind: 'p' });
    expect(Number(row!.parts)).toBeGreaterThanOrEqual(3);
    const month = new Date().toISOString().slice(0, 7).replace('-', 'm');
    // The test connection is a superuser (RLS does not apply): this month's partition holds the rows sent above.
    const [counted] = await api.deps.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from pixel_events_y${month}`));
    expect(Number(counted!.n)).toBeGreaterThan(0);
    const [guarded] = await api.deps.db.execute<{ rls: boolean; forced: boolean }>(sql.raw(`select relrowsecurity as rls, relforcerowsecurity as forced from pg_class where relname = 'pixel_events_y${month}'`));
    expect(guarded).toMatchObject({ rls: true, forced: true });
  });
});
