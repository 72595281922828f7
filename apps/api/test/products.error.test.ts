import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let otherToken: string;
let productId: string;
let foreignId: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  token = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! })).token;
  otherToken = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! })).token;
  productId = (await create({ title: 'Taken', price: 1, sku: 'TAKEN-1', handle: 'taken', external_id: 'erp-taken' })).body.data.id;
  foreignId = (await call(api, '/api/v1/products', { token: otherToken, method: 'POST', body: { title: 'Theirs', price: 1, sku: 'THEIRS-1' } })).body.data.id;
});

afterAll(async () => {
  await api.close();
});

function create(body: unknown, headers?: Record<string, string>) {
  return call(api, '/api/v1/products', { token, method: 'POST', body, ...(headers ? { headers } : {}) });
}
const patch = (id: string, body: unknown) => call(api, `/api/v1/products/${id}`, { token, method: 'PATCH', body });
const invalid = async (res: Parameters<typeof expectEnvelope>[0]) => expectEnvelope(res, 422, 'validation_failed');
const count = async (query: string) => (await call(api, `/api/v1/products?${query}`, { token })).body.data.length;

describe('422 naming the field', () => {
  it('refuses a create without title or price', async () => {
    expect((await invalid(await create({ price: 1 }))).details.field).toBe('title');
    expect((await invalid(await create({ title: '  ', price: 1 }))).details.field).toBe('title');
    expect((await invalid(await create({ title: 'No price' }))).details.field).toBe('price');
    expect((await invalid(await create({ data: { attributes: { title: 'No price' } } }))).details.field).toBe('price');
  });

  it('refuses a price that is negative, not a decimal, or finer than cents', async () => {
    for (const price of [1.234, '1.234', 0.001, -1, '-0.5', 'abc', '', '1,50', true, null, 1e12, '1000000000000', 1e21, [1]]) {
      const error = await invalid(await create({ title: 'Bad price', price }));
      expect(error.details.field, JSON.stringify(price)).toBe('price');
    }
    const error = await invalid(await create({ title: 'x', price: 9.999 }));
    expect(error.message).toMatch(/2 decimals/);
    expect(await count('filter[handle]=bad-price')).toBe(0);
  });

  it('refuses an unknown status, handle, currency, tag list or over-long text', async () => {
    expect((await invalid(await create({ title: 'x', price: 1, status: 'sold' }))).details.field).toBe('status');
    expect((await invalid(await create({ title: 'x', price: 1, handle: 'Not A Slug' }))).details.field).toBe('handle');
    expect((await invalid(await create({ title: 'x', price: 1, handle: 'double--dash' }))).details.field).toBe('handle');
    expect((await invalid(await create({ title: 'x', price: 1, currency: 'XYZ' }))).details.field).toBe('currency');
    expect((await invalid(await create({ title: 'x', price: 1, tags: 'vip' }))).details.field).toBe('tags');
    expect((await invalid(await create({ title: 'x'.repeat(301), price: 1 }))).details.field).toBe('title');
    expect((await invalid(await create({ title: 'x', price: 1, sku: 'x'.repeat(101) }))).details.field).toBe('sku');
  });

  it('refuses unknown attributes and read-only ones by name, on create and on PATCH', async () => {
    const unknown = await invalid(await create({ title: 'x', price: 1, colour: 'red' }));
    expect(unknown.details.field).toBe('colour');
    for (const name of ['created_at', 'updated_at', 'id']) {
      const onCreate = await invalid(await create({ title: 'x', price: 1, [name]: '2020-01-01T00:00:00Z' }));
      expect(onCreate.details.field).toBe(name);
      expect(onCreate.message).toMatch(/read-only/);
      const onPatch = await invalid(await patch(productId, { data: { attributes: { [name]: 'x' } } }));
      expect(onPatch.details).toMatchObject({ field: name, read_only: [name] });
    }
    const both = await invalid(await patch(productId, { id: 'prd_x', updated_at: 'x', title: 'y' }));
    expect(both.details.read_only).toEqual(['id', 'updated_at']);
    expect((await call(api, `/api/v1/products/${productId}`, { token })).body.data.attributes.title).toBe('Taken');
  });

  it('refuses bodies that are not attributes', async () => {
    expect((await invalid(await create([]))).details.field).toBe('data');
    expect((await invalid(await create({ data: [] }))).details.field).toBe('data');
    expect((await invalid(await create({ data: { attributes: 'x' } }))).details.field).toBe('data.attributes');
    expect((await invalid(await patch(productId, {}))).details.field).toBe('data.attributes');
    expect((await invalid(await patch(productId, { price: 1.001 }))).details.field).toBe('price');
    expect((await invalid(await patch(productId, { title: null }))).details.field).toBe('title');
    expect((await invalid(await call(api, '/api/v1/products?x=1', { token, method: 'POST', body: { title: 'x', price: 1 } }))).details.field).toBe('query.x');
  });

  it('names undeclared or malformed list parameters', async () => {
    const field = async (query: string) => (await invalid(await call(api, `/api/v1/products?${query}`, { token }))).details.field;
    expect(await field('filter[description]=x')).toBe('filter[description]');
    expect(await field('filter[price][gte]=cheap')).toBe('filter[price][gte]');
    expect(await field('filter[price][gte]=1.234')).toBe('filter[price][gte]');
    expect(await field('filter[status]=sold')).toBe('filter[status]');
    expect(await field('filter[vendor][gte]=a')).toBe('filter[vendor]');
    expect(await field('filter[updated_at][lt]=soon')).toBe('filter[updated_at][lt]');
    expect(await field('sort=vendor')).toBe('sort');
    expect(await field('fields=title,cost')).toBe('fields');
    expect(await field('include=variants')).toBe('include');
    expect(await field('limit=101')).toBe('limit');
    expect(await field('page=2')).toBe('page');
    expect((await invalid(await call(api, `/api/v1/products/${productId}?include=orders`, { token }))).details.field).toBe('include');
    expect((await invalid(await call(api, `/api/v1/products/${productId}?sort=title`, { token }))).details.field).toBe('sort');
  });
});

describe('409 conflict naming the field', () => {
  it('refuses a taken sku, explicit handle or external id on create, and creates nothing', async () => {
    for (const [field, attributes] of [['sku', { sku: 'TAKEN-1' }], ['handle', { handle: 'taken' }], ['external_id', { external_id: 'erp-taken' }]] as const) {
      const error = expectEnvelope(await create({ title: `Clash ${field}`, price: 1, ...attributes }), 409, 'conflict');
      expect(error.details.field).toBe(field);
    }
    expect(await count('filter[handle]=clash-sku,clash-handle,clash-external-id')).toBe(0);
  });

  it('refuses them on PATCH too, and leaves the product as it was', async () => {
    const other = (await create({ title: 'Other', price: 2, sku: 'OTHER-1' })).body.data;
    for (const [field, attributes] of [['sku', { sku: 'TAKEN-1' }], ['handle', { handle: 'taken' }], ['external_id', { external_id: 'erp-taken' }]] as const) {
      expect(expectEnvelope(await patch(other.id, { ...attributes, title: 'Changed' }), 409, 'conflict').details.field).toBe(field);
    }
    expect((await call(api, `/api/v1/products/${other.id}`, { token })).body.data).toEqual(other);
  });

  it('never refuses a derived handle, and lets another shop use the same sku, handle and external id', async () => {
    expect((await create({ title: 'Taken', price: 1 })).body.data.attributes.handle).toBe('taken-2');
    const theirs = await call(api, '/api/v1/products', { token: otherToken, method: 'POST', body: { title: 'Taken', price: 1, sku: 'TAKEN-1', handle: 'taken', external_id: 'erp-taken' } });
    expect(theirs.status).toBe(201);
  });

  it('gives exactly one of several concurrent creates a new sku', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => create({ title: `Racer ${i}`, price: 1, sku: 'RACE-SKU' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) expect(expectEnvelope(r, 409, 'conflict').details.field).toBe('sku');
    expect(await count('filter[sku]=RACE-SKU')).toBe(1);
  });

  it('gives concurrent creates with one title distinct derived handles', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create({ title: 'Crowded Title', price: 1 })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.body.data.attributes.handle)).size).toBe(8);
  });

  it('refuses to drop the sku of a product that has stock', async () => {
    const product = (await create({ title: 'Stocked', price: 1, sku: 'STOCKED-1' })).body.data;
    await call(api, '/api/v1/inventory', { token, method: 'PATCH', body: { data: [{ sku: 'STOCKED-1', set: 2 }] } });
    expect(expectEnvelope(await patch(product.id, { sku: null }), 409, 'conflict').details.field).toBe('sku');
    const unstocked = (await create({ title: 'Unstocked', price: 1, sku: 'UNSTOCKED-1' })).body.data;
    expect((await patch(unstocked.id, { sku: null })).body.data.attributes.sku).toBeNull();
  });
});

describe('404 and idempotency', () => {
  it('answers an unknown or another shop’s product with 404 on GET and PATCH', async () => {
    for (const id of ['prd_doesnotexist0000000000', foreignId]) {
      expectEnvelope(await call(api, `/api/v1/products/${id}`, { token }), 404, 'not_found');
      expectEnvelope(await patch(id, { title: 'Mine now' }), 404, 'not_found');
    }
    const theirs = await call(api, `/api/v1/products/${foreignId}`, { token: otherToken });
    expect(theirs.body.data.attributes.title).toBe('Theirs');
    expect(await count('filter[sku]=THEIRS-1')).toBe(0);
  });

  it('refuses a key reused for another body, and does not store a refused request', async () => {
    const key = { 'idempotency-key': 'create-hat-1' };
    expect((await create({ title: 'Hat', price: 1.111 }, key)).status).toBe(422);
    expect((await create({ title: 'Hat', price: 1.11 }, key)).status).toBe(201);
    expectEnvelope(await create({ title: 'Hat', price: 2 }, key), 409, 'idempotency_conflict');
    expect(await count('filter[handle]=hat')).toBe(1);
  });

  it('answers 405 with Allow for other methods', async () => {
    const res = await call(api, `/api/v1/products/${productId}`, { token, method: 'DELETE' });
    expectEnvelope(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('GET, PATCH, HEAD');
  });
});

describe('POST /api/v1/products/bulk', () => {
  it('rejects items that take another product’s sku or handle, by index, and keeps the rest', async () => {
    const res = await call(api, '/api/v1/products/bulk', { token, method: 'POST', body: { data: [
      { external_id: 'bulk-a', title: 'A', price: 1, sku: 'TAKEN-1' },
      { external_id: 'bulk-b', title: 'B', price: 1, sku: 'BULK-NEW' },
      { external_id: 'bulk-c', title: 'C', price: 1, sku: 'BULK-NEW' },
      { external_id: 'bulk-d', title: 'D', price: 1, handle: 'taken' },
      { external_id: 'bulk-e', title: 'E', price: 1.001 },
      { external_id: 'erp-taken', price: 3, sku: 'TAKEN-1' },
    ] } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ sent_count: 2, rejected_count: 4 });
    expect(res.body.data.rejected_items.map((r: any) => [r.index, r.errors[0].field])).toEqual([[0, 'sku'], [2, 'sku'], [3, 'handle'], [4, 'price']]);
    expect(res.body.data.rejected_items[0].item).toEqual({ external_id: 'bulk-a', title: 'A', price: 1, sku: 'TAKEN-1' });
    expect(await count('filter[sku]=BULK-NEW')).toBe(1);
    expect((await call(api, `/api/v1/products/${productId}`, { token })).body.data.attributes.price).toBe(3);
  });

  it('refuses a body that is not 1 to 1,000 items', async () => {
    const bulk = (body: unknown) => call(api, '/api/v1/products/bulk', { token, method: 'POST', body });
    expect((await invalid(await bulk({ data: {} }))).details.field).toBe('data');
    expect((await invalid(await bulk({ data: [] }))).details.field).toBe('data');
    expect((await invalid(await bulk({ data: Array.from({ length: 1001 }, (_, i) => ({ external_id: `e${i}`, title: 't', price: 1 })) }))).details.field).toBe('data');
  });
});
