import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let otherToken: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  token = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! })).token;
  otherToken = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! })).token;
});

afterAll(async () => {
  await api.close();
});

type Case = { path: string; valid: (n: number) => Record<string, unknown>; invalid: Record<string, unknown>; badField: string; change: Record<string, unknown> };

// One valid item factory, one invalid item (and the field it gets wrong) and an update per resource.
const cases: Case[] = [
  { path: 'customer-groups', valid: (n) => ({ name: `Group ${n}` }), invalid: { name: '' }, badField: 'name', change: { description: 'Wholesale buyers' } },
  { path: 'product-categories', valid: (n) => ({ name: `Category ${n}`, position: n }), invalid: { name: 'x', position: -1 }, badField: 'position', change: { parent_external_id: 'root' } },
  { path: 'manufacturers', valid: (n) => ({ name: `Maker ${n}`, website: 'https://maker.example' }), invalid: { name: 'x', website: 'ftp://x' }, badField: 'website', change: { name: 'Renamed maker' } },
  { path: 'vouchers', valid: (n) => ({ code: `SPRING${n}`, discount_type: 'percentage', amount: 15 }), invalid: { code: 'X1', discount_type: 'percentage' }, badField: 'code', change: { amount: 12.5, active: false } },
  {
    path: 'seo-intelligence/keywords',
    valid: (n) => ({ keyword: `trail shoes ${n}`, target_url: 'https://shop.example/trail', position: 4, search_volume: 1000 * n, position_history: [{ date: '2026-05-01', position: 9 }, { date: '2026-05-08', position: 4 }] }),
    invalid: { keyword: 'x', target_url: 'https://x.example', difficulty: 140 }, badField: 'difficulty', change: { position: 2 },
  },
  { path: 'contacts', valid: (n) => ({ email: `c${n}@example.com`, email_consent: 'subscribed', first_name: `C${n}` }), invalid: { email: 'nope' }, badField: 'email', change: { sms_consent: 'unsubscribed' } },
  { path: 'message-rejects', valid: (n) => ({ channel: 'email', address: `r${n}@example.com`, reason: 'hard_bounce', occurred_at: '2026-05-01T00:00:00Z' }), invalid: { channel: 'email', address: 'x@y.z', reason: 'tired', occurred_at: '2026-05-01T00:00:00Z' }, badField: 'reason', change: { reason: 'complaint' } },
  { path: 'lists', valid: (n) => ({ name: `List ${n}` }), invalid: { name: '' }, badField: 'name', change: { description: 'Newsletter' } },
  { path: 'custom-data-definitions', valid: (n) => ({ key: `card_${n}`, name: `Card ${n}`, fields: [{ name: 'points', type: 'integer', required: true }] }), invalid: { key: 'Bad Key', name: 'x', fields: [{ name: 'a', type: 'string' }] }, badField: 'key', change: { name: 'Loyalty card' } },
  {
    path: 'carts',
    valid: (n) => ({ currency: 'EUR', total: 59.9, items: [{ sku: `SKU-${n}`, quantity: 2, unit_price: 29.95 }], status: 'abandoned', abandoned_at: '2026-05-01T10:00:00Z' }),
    invalid: { currency: 'EUR', total: 1, items: [{ sku: 'A', quantity: 0, unit_price: 1 }] }, badField: 'items.0.quantity', change: { status: 'converted' },
  },
];

describe.each(cases)('$path', (c) => {
  const base = `/api/v1/${c.path}`;

  it('bulk upserts by external_id, rejecting invalid items one by one', async () => {
    const res = await call(api, `${base}/bulk`, { token, method: 'POST', body: { data: [{ external_id: 'a', ...c.valid(1) }, { external_id: 'bad', ...c.invalid }, { ...c.valid(3) }, { external_id: 'b', ...c.valid(2) }] } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ sent_count: 2, rejected_count: 2 });
    const rejected = res.body.data.rejected_items;
    expect(rejected.map((r: any) => r.index)).toEqual([1, 2]);
    expect(rejected[0].errors.map((e: any) => e.field)).toContain(c.badField);
    expect(rejected[1].errors.map((e: any) => e.field)).toContain('external_id');
    expect(rejected[0].item).toMatchObject({ external_id: 'bad' });
  });

  it('updates on a second upsert instead of duplicating, keeping attributes not sent', async () => {
    const res = await call(api, `${base}/bulk`, { token, method: 'POST', body: { data: [{ external_id: 'a', ...c.change }] } });
    expect(res.body.data).toMatchObject({ sent_count: 1, rejected_count: 0 });
    const list = await call(api, `${base}?filter[external_id]=a`, { token });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].attributes).toMatchObject({ ...c.change });
    const kept = Object.keys(c.valid(1)).find((k) => !(k in c.change))!;
    expect(list.body.data[0].attributes[kept]).toEqual(c.valid(1)[kept]);
  });

  it('lists and gets, and never shows another shop’s rows', async () => {
    const list = await call(api, `${base}?limit=1`, { token });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.pagination.has_next).toBe(true);
    const id = list.body.data[0].id;
    expect((await call(api, `${base}/${id}`, { token })).body.data.id).toBe(id);
    expectEnvelope(await call(api, `${base}/${id}`, { token: otherToken }), 404, 'not_found');
    expect((await call(api, base, { token: otherToken })).body.data).toEqual([]);
  });

  it('deletes idempotently, and a foreign delete touches nothing', async () => {
    const [first] = (await call(api, `${base}?filter[external_id]=b`, { token })).body.data;
    expect((await call(api, `${base}/${first.id}`, { token: otherToken, method: 'DELETE' })).status).toBe(204);
    expect((await call(api, `${base}/${first.id}`, { token })).status).toBe(200);
    expect((await call(api, `${base}/${first.id}`, { token, method: 'DELETE' })).status).toBe(204);
    expect((await call(api, `${base}/${first.id}`, { token, method: 'DELETE' })).status).toBe(204);
    expectEnvelope(await call(api, `${base}/${first.id}`, { token }), 404, 'not_found');
  });

  it('refuses a body that is not 1 to 1,000 items', async () => {
    expect(expectEnvelope(await call(api, `${base}/bulk`, { token, method: 'POST', body: { data: [] } }), 422, 'validation_failed').details.field).toBe('data');
    const many = Array.from({ length: 1001 }, (_, i) => ({ external_id: `x${i}`, ...c.valid(i) }));
    expect(expectEnvelope(await call(api, `${base}/bulk`, { token, method: 'POST', body: { data: many } }), 422, 'validation_failed').details.field).toBe('data');
  });
});

describe('bulk duplicates', () => {
  it('keeps the last item for a repeated external_id and rejects the earlier one', async () => {
    const res = await call(api, '/api/v1/manufacturers/bulk', { token, method: 'POST', body: { data: [{ external_id: 'dup', name: 'First' }, { external_id: 'dup', name: 'Second' }] } });
    expect(res.body.data).toMatchObject({ sent_count: 1, rejected_count: 1, rejected_items: [{ index: 0 }] });
    const [row] = (await call(api, '/api/v1/manufacturers?filter[external_id]=dup', { token })).body.data;
    expect(row.attributes.name).toBe('Second');
  });
});

describe('sorting on a nullable number', () => {
  it('pages with nulls last in descending order, without repeats', async () => {
    const t = token;
    const base = '/api/v1/seo-intelligence/keywords';
    const data = [null, 10, 5].map((v, i) => ({ external_id: `n${i}`, keyword: `null-sort ${i}`, target_url: 'https://x.example', search_volume: v }));
    await call(api, `${base}/bulk`, { token: t, method: 'POST', body: { data } });
    const seen: (number | null)[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const res = await call(api, `${base}?filter[keyword]=null-sort 0,null-sort 1,null-sort 2&limit=1${cursor}`, { token: t });
      seen.push(...res.body.data.map((k: any) => k.attributes.search_volume));
      if (!res.body.pagination.has_next) break;
      cursor = `&cursor=${res.body.pagination.next_cursor}`;
    }
    expect(seen).toEqual([10, 5, null]);
  });
});
