import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createOrder, createTenant, createToken, createTouchpoints } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let ids: { a: string; b: string; tIds: string[]; alice: string };

const day = (d: number) => new Date(Date.UTC(2026, 4, d, 12));

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  const [alice, bob] = await createCustomers(api.deps.db, shop, 2);
  // Alice: three touches before her order on May 20 (items: 2 → total 12.50 + 2×13.50 = 39.50).
  const touches = await createTouchpoints(api.deps.db, shop, [
    { customerId: alice!.id, occurredAt: day(1), channel: 'paid_search', source: 'google', campaign: 'brand' },
    { customerId: alice!.id, occurredAt: day(10), channel: 'email', source: 'newsletter' },
    { customerId: alice!.id, occurredAt: day(19), channel: 'social', source: 'instagram' },
  ]);
  const a = await createOrder(api.deps.db, shop, { customerId: alice!.id, placedAt: day(20), items: 2 });
  // Bob: an order with no touches at all, and a cancelled one that never counts.
  const b = await createOrder(api.deps.db, shop, { customerId: bob!.id, placedAt: day(25), items: 1 });
  await createOrder(api.deps.db, shop, { customerId: alice!.id, placedAt: day(21), status: 'cancelled' });
  ids = { a: a.id, b: b.id, tIds: touches.map((t) => t.id), alice: alice!.id };
});

afterAll(async () => {
  await api.close();
});

const credits = (body: any, orderId: string) => body.data.find((d: any) => d.id === orderId).attributes.credits;

describe('GET /api/v1/attribution', () => {
  it('credits the last touch by default and reports the model', async () => {
    const res = await call(api, '/api/v1/attribution?filter[date_from]=2026-05-01&filter[date_to]=2026-05-31', { token });
    expect(res.status).toBe(200);
    expect(res.body.data.map((d: any) => d.id)).toEqual([ids.b, ids.a]);
    expect(credits(res.body, ids.a)).toEqual([{ touchpoint_id: ids.tIds[2], channel: 'social', source: 'instagram', campaign: null, credit: 1, revenue: 39.5 }]);
    expect(credits(res.body, ids.b)).toEqual([]);
    expect(res.body.meta).toMatchObject({ model: 'last_touch', lookback_days: 28, half_life_days: 7 });
  });

  it('splits by position (40/20/40) with revenue adding up to the order total exactly', async () => {
    const res = await call(api, '/api/v1/attribution?filter[model]=position_based', { token });
    const c = credits(res.body, ids.a);
    expect(c.map((x: any) => x.credit)).toEqual([0.4, 0.2, 0.4]);
    expect(c.map((x: any) => x.revenue)).toEqual([15.8, 7.9, 15.8]);
  });

  it('honours the lookback window', async () => {
    const res = await call(api, '/api/v1/attribution?filter[model]=linear&filter[lookback_days]=14', { token });
    expect(credits(res.body, ids.a).map((x: any) => x.channel)).toEqual(['email', 'social']);
  });

  it('includes the touchpoints and summarises per channel on the first page', async () => {
    const res = await call(api, '/api/v1/attribution?filter[model]=linear&include=touchpoints&limit=1', { token });
    expect(res.body.data).toHaveLength(1);
    expect(res.body.meta.summary.channels.map((c: any) => c.channel).sort()).toEqual(['email', 'paid_search', 'social']);
    const attributed = res.body.meta.summary.channels.reduce((n: number, c: any) => n + Math.round(c.revenue * 100), 0);
    expect(attributed).toBe(3950);
    expect(res.body.meta.summary.unattributed).toEqual([{ currency: 'EUR', revenue: 12.5 }]);
    const next = await call(api, `/api/v1/attribution?filter[model]=linear&include=touchpoints&limit=1&cursor=${res.body.pagination.next_cursor}`, { token });
    expect(next.body.data[0].id).toBe(ids.a);
    expect(next.body.included.map((t: any) => t.id).sort()).toEqual([...ids.tIds].sort());
    expect(next.body.meta.summary).toBeUndefined();
  });

  it('filters by date range', async () => {
    const res = await call(api, '/api/v1/attribution?filter[date_from]=2026-05-21&filter[date_to]=2026-05-31', { token });
    expect(res.body.data.map((d: any) => d.id)).toEqual([ids.b]);
  });

  it('names bad parameters', async () => {
    const field = async (q: string) => expectEnvelope(await call(api, `/api/v1/attribution?${q}`, { token }), 422, 'validation_failed').details.field;
    expect(await field('filter[model]=u_shaped')).toBe('filter[model]');
    expect(await field('filter[lookback_days]=0')).toBe('filter[lookback_days]');
    expect(await field('filter[channel]=email')).toBe('filter[channel]');
    expect(await field('filter[date_from]=soon')).toBe('filter[date_from]');
    expect(await field('include=orders')).toBe('include');
  });
});

describe('GET /api/v1/customers/{id}?include=attributions', () => {
  it('embeds the customer’s orders credited last-touch', async () => {
    const res = await call(api, `/api/v1/customers/${ids.alice}?include=attributions,orders`, { token });
    expect(res.body.data.relationships.attributions.data).toEqual([{ type: 'order_attribution', id: ids.a }]);
    const attribution = res.body.included.find((r: any) => r.type === 'order_attribution');
    expect(attribution.attributes.credits).toEqual([expect.objectContaining({ touchpoint_id: ids.tIds[2], credit: 1, revenue: 39.5 })]);
    expect(res.body.included.filter((r: any) => r.type === 'order').length).toBe(2);
  });
});
