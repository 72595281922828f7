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

const create = (body: unknown, headers: Record<string, string> = {}) => call(api, '/api/v1/products', { token, method: 'POST', body, headers });

describe('products', () => {
  it('creates with a derived handle and exact price, gets, lists and patches', async () => {
    const res = await create({ data: { attributes: { title: 'Trail Runner Ü 2', price: 19.99, sku: 'TR-2', tags: ['running'] } } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/products/${res.body.data.id}`);
    expect(res.body.data.attributes).toMatchObject({ title: 'Trail Runner Ü 2', handle: 'trail-runner-u-2', price: 19.99, currency: 'EUR', status: 'active' });
    const again = await create({ title: 'Trail Runner Ü 2', price: 5 });
    expect(again.body.data.attributes.handle).toBe('trail-runner-u-2-2');
    const id = res.body.data.id;
    const patched = await call(api, `/api/v1/products/${id}`, { token, method: 'PATCH', body: { price: 20.09, status: 'draft' } });
    expect(patched.body.data.attributes).toMatchObject({ price: 20.09, status: 'draft' });
    const list = await call(api, '/api/v1/products?filter[status]=draft&filter[price][gte]=20.09&sort=-price', { token });
    expect(list.body.data.map((p: any) => p.id)).toEqual([id]);
    expectEnvelope(await call(api, `/api/v1/products/${id}`, { token: otherToken }), 404, 'not_found');
  });

  it('replays an idempotent create without a second product', async () => {
    const key = { 'idempotency-key': 'create-cap' };
    const first = await create({ title: 'Cap', price: 12, sku: 'CAP-1' }, key);
    const second = await create({ title: 'Cap', price: 12, sku: 'CAP-1' }, key);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.data.id).toBe(first.body.data.id);
    expect((await call(api, '/api/v1/products?filter[sku]=CAP-1', { token })).body.data).toHaveLength(1);
  });

  it('409 for a taken sku, handle or external id; 422 naming bad fields', async () => {
    await create({ title: 'Unique', price: 1, sku: 'U-1', handle: 'unique', external_id: 'ext-u' });
    expect(expectEnvelope(await create({ title: 'x', price: 1, sku: 'U-1' }), 409, 'conflict').details.field).toBe('sku');
    expect(expectEnvelope(await create({ title: 'x', price: 1, handle: 'unique' }), 409, 'conflict').details.field).toBe('handle');
    expect(expectEnvelope(await create({ title: 'x', price: 1, external_id: 'ext-u' }), 409, 'conflict').details.field).toBe('external_id');
    expect(expectEnvelope(await create({ price: 1 }), 422, 'validation_failed').details.field).toBe('title');
    expect(expectEnvelope(await create({ title: 'x', price: 1.234 }), 422, 'validation_failed').details.field).toBe('price');
    expect(expectEnvelope(await create({ title: 'x', price: 1, status: 'sold' }), 422, 'validation_failed').details.field).toBe('status');
    expect(expectEnvelope(await create({ title: 'x', price: 1, created_at: '2020-01-01' }), 422, 'validation_failed').details.field).toBe('created_at');
  });

  it('bulk upserts products by external_id', async () => {
    const res = await call(api, '/api/v1/products/bulk', { token, method: 'POST', body: { data: [{ external_id: 'erp-p1', title: 'Bulk shoe', price: 49.5 }, { external_id: 'erp-p2', price: 1 }] } });
    expect(res.body.data).toMatchObject({ sent_count: 1, rejected_count: 1 });
    const [p] = (await call(api, '/api/v1/products?filter[external_id]=erp-p1', { token })).body.data;
    expect(p.attributes).toMatchObject({ handle: 'bulk-shoe-erp-p1', price: 49.5 });
  });
});

describe('inventory', () => {
  it('sets and adjusts per sku and location, item by item, never below zero', async () => {
    const product = (await create({ title: 'Sock', price: 3, sku: 'SOCK' })).body.data.id;
    const res = await call(api, '/api/v1/inventory', {
      token, method: 'PATCH',
      body: { data: [{ sku: 'SOCK', set: 10 }, { sku: 'SOCK', adjust: -3 }, { sku: 'SOCK', location: 'berlin', adjust: 5 }, { sku: 'NOPE', set: 1 }, { sku: 'SOCK', adjust: -100 }, { sku: 'SOCK', set: 1, adjust: 1 }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ updated_count: 2, rejected_count: 3 });
    expect(res.body.data.rejected_items.map((r: any) => [r.index, r.errors[0].field])).toEqual([[3, 'sku'], [4, 'adjust'], [5, 'set']]);
    const levels = (await call(api, `/api/v1/inventory?filter[product_id]=${product}&sort=sku`, { token })).body.data;
    expect(levels.map((l: any) => [l.attributes.location, l.attributes.quantity]).sort()).toEqual([['berlin', 5], ['default', 7]]);
    const withInventory = await call(api, `/api/v1/products/${product}?include=inventory`, { token });
    expect(withInventory.body.included).toHaveLength(2);
  });

  it('loses no concurrent adjustment and never goes negative', async () => {
    await create({ title: 'Rare', price: 99, sku: 'RARE' });
    await call(api, '/api/v1/inventory', { token, method: 'PATCH', body: { data: [{ sku: 'RARE', set: 10 }] } });
    const results = await Promise.all(Array.from({ length: 14 }, () => call(api, '/api/v1/inventory', { token, method: 'PATCH', body: { data: [{ sku: 'RARE', adjust: -1 }] } })));
    const taken = results.filter((r) => r.body.data.updated_count === 1).length;
    expect(taken).toBe(10);
    const [level] = (await call(api, '/api/v1/inventory?filter[sku]=RARE', { token })).body.data;
    expect(level.attributes.quantity).toBe(0);
  });

  it('refuses a body that is not 1 to 1,000 changes', async () => {
    expect(expectEnvelope(await call(api, '/api/v1/inventory', { token, method: 'PATCH', body: { data: Array.from({ length: 1001 }, () => ({ sku: 'X', set: 1 })) } }), 422, 'validation_failed').details.field).toBe('data');
  });
});
