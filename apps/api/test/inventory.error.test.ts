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
  await call(api, '/api/v1/products', { token, method: 'POST', body: { title: 'Box', price: 5, sku: 'BOX' } });
  await call(api, '/api/v1/products', { token: otherToken, method: 'POST', body: { title: 'Foreign', price: 5, sku: 'FOREIGN' } });
  await change({ data: [{ sku: 'BOX', set: 3 }] });
});

afterAll(async () => {
  await api.close();
});

function change(body: unknown, as = token) {
  return call(api, '/api/v1/inventory', { token: as, method: 'PATCH', body });
}
const boxQuantity = async () => (await call(api, '/api/v1/inventory?filter[sku]=BOX&filter[location]=default', { token })).body.data[0].attributes.quantity;
const rejectedFields = (res: { body: any }) => res.body.data.rejected_items.map((r: any) => [r.index, r.errors.map((e: any) => e.field)]);

describe('422 naming data', () => {
  it('refuses a body that is not an array of 1 to 1,000 changes, and changes nothing', async () => {
    const bodies = [
      { data: Array.from({ length: 1001 }, () => ({ sku: 'BOX', adjust: -1 })) },
      { data: { sku: 'BOX', set: 1 } },
      { data: 'BOX' },
      { data: [] },
      {},
      [{ sku: 'BOX', set: 1 }],
      { data: [{ sku: 'BOX', set: 1 }], extra: true },
    ];
    for (const body of bodies) {
      const error = expectEnvelope(await change(body), 422, 'validation_failed');
      expect(error.details.field, JSON.stringify(body).slice(0, 60)).toBe('data');
    }
    expect(await boxQuantity()).toBe(3);
  });

  it('refuses query parameters on the PATCH', async () => {
    expect(expectEnvelope(await call(api, '/api/v1/inventory?dry_run=1', { token, method: 'PATCH', body: { data: [{ sku: 'BOX', set: 1 }] } }), 422, 'validation_failed').details.field).toBe('query.dry_run');
  });
});

describe('items rejected one by one', () => {
  it('names the field of each invalid item and applies the valid ones', async () => {
    const res = await change({ data: [
      { sku: 'BOX', adjust: 1 },
      { sku: 'BOX' },
      { sku: 'BOX', set: 1, adjust: 1 },
      { sku: 'BOX', set: -1 },
      { sku: 'BOX', set: 2.5 },
      { sku: 'BOX', adjust: '1' },
      { sku: 'BOX', adjust: 1, colour: 'red' },
      { set: 1 },
      { sku: '  ', set: 1 },
      { sku: 'BOX', location: '', set: 1 },
      { sku: 'BOX', set: 2 ** 31 },
      null,
      'BOX',
      { sku: 'BOX', adjust: 1 },
    ] });
    expect(res.status).toBe(200);
    expect(rejectedFields(res)).toEqual([
      [1, ['set']], [2, ['set']], [3, ['set']], [4, ['set']], [5, ['adjust']], [6, ['colour']], [7, ['sku']], [8, ['sku']], [9, ['location']], [10, ['set']], [11, ['item']], [12, ['item']],
    ]);
    expect(res.body.data).toMatchObject({ sent_count: 2, updated_count: 1, rejected_count: 12 });
    expect(res.body.data.rejected_items[10].item).toBeNull();
    expect(await boxQuantity()).toBe(5);
  });

  it('rejects a sku no product of the shop has, including another shop’s', async () => {
    const res = await change({ data: [{ sku: 'NOPE', set: 1 }, { sku: 'FOREIGN', set: 1 }, { sku: 'box', set: 1 }] });
    expect(rejectedFields(res)).toEqual([[0, ['sku']], [1, ['sku']], [2, ['sku']]]);
    expect(res.body.data.rejected_items[1].errors[0].message).toMatch(/no product of this shop/);
    expect(res.body.data).toMatchObject({ sent_count: 0, updated_count: 0, items: [] });
    const foreign = await call(api, '/api/v1/inventory?filter[sku]=FOREIGN', { token: otherToken });
    expect(foreign.body.data).toEqual([]);
  });

  it('rejects a change that would take the quantity below zero, or past the column’s range', async () => {
    const res = await change({ data: [{ sku: 'BOX', adjust: -6 }, { sku: 'BOX', location: 'empty', adjust: -1 }, { sku: 'BOX', location: 'full', set: 2 ** 31 - 1 }, { sku: 'BOX', location: 'full', adjust: 1 }] });
    expect(rejectedFields(res)).toEqual([[0, ['adjust']], [1, ['adjust']], [3, ['adjust']]]);
    expect(res.body.data.rejected_items[0].errors[0].message).toBe('the quantity would go below zero (it is 5)');
    expect(res.body.data.rejected_items[2].errors[0].message).toMatch(/exceed/);
    expect(await boxQuantity()).toBe(5);
    const empty = await call(api, '/api/v1/inventory?filter[location]=empty', { token });
    expect(empty.body.data).toEqual([]);
  });
});

describe('GET /api/v1/inventory parameters', () => {
  it('names undeclared or malformed filters, sorts and fields', async () => {
    const field = async (query: string) => expectEnvelope(await call(api, `/api/v1/inventory?${query}`, { token }), 422, 'validation_failed').details.field;
    expect(await field('filter[quantity][gte]=many')).toBe('filter[quantity][gte]');
    expect(await field('filter[quantity][gte]=1.5')).toBe('filter[quantity][gte]');
    expect(await field('filter[location][gte]=a')).toBe('filter[location]');
    expect(await field('filter[created_at][gte]=2026-01-01')).toBe('filter[created_at]');
    expect(await field('filter[updated_at][gt]=later')).toBe('filter[updated_at][gt]');
    expect(await field('sort=location')).toBe('sort');
    expect(await field('sort=product_id')).toBe('sort');
    expect(await field('fields=quantity,cost')).toBe('fields');
    expect(await field('include=product')).toBe('include');
    expect(await field('limit=0')).toBe('limit');
    expect(await field('cursor=forged')).toBe('cursor');
  });

  it('answers 405 with Allow for other methods', async () => {
    const res = await call(api, '/api/v1/inventory', { token, method: 'POST', body: { data: [] } });
    expectEnvelope(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('GET, PATCH, HEAD');
  });
});
