import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { createTenant, createToken } from '@sumeru/testing';
import { call, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let shop: { agencyId: string; shopId: string };
let token: string;
let otherToken: string;
const products: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  otherToken = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! })).token;
  for (const sku of ['TEE', 'CAP', 'MUG', 'BAG', 'PIN', 'RACE', 'CROSS-A', 'CROSS-B', 'IDEM']) {
    const res = await call(api, '/api/v1/products', { token, method: 'POST', body: { title: sku, price: 10, sku } });
    products[sku] = res.body.data.id;
  }
  // Another shop's product with the same sku: its stock must never mix with this shop's.
  await call(api, '/api/v1/products', { token: otherToken, method: 'POST', body: { title: 'TEE', price: 10, sku: 'TEE' } });
  await call(api, '/api/v1/inventory', { token: otherToken, method: 'PATCH', body: { data: [{ sku: 'TEE', set: 999 }] } });
});

afterAll(async () => {
  await api.close();
});

const change = (data: unknown[], headers?: Record<string, string>) => call(api, '/api/v1/inventory', { token, method: 'PATCH', body: { data }, ...(headers ? { headers } : {}) });
const quantity = async (sku: string, location = 'default') => {
  const res = await call(api, `/api/v1/inventory?filter[sku]=${sku}&filter[location]=${location}`, { token });
  return res.body.data[0]?.attributes.quantity as number | undefined;
};

describe('PATCH /api/v1/inventory', () => {
  it('sets a level, creating it for the sku’s product, and answers with the levels after the change', async () => {
    const res = await change([{ sku: 'TEE', set: 12 }, { sku: 'TEE', location: 'berlin', set: 3 }]);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ sent_count: 2, updated_count: 2, rejected_count: 0, rejected_items: [] });
    const [berlin, main] = res.body.data.items;
    expect(main).toMatchObject({ type: 'inventory_level', id: expect.stringMatching(/^inv_/), attributes: { product_id: products.TEE, sku: 'TEE', location: 'default', quantity: 12 } });
    expect(berlin.attributes).toMatchObject({ location: 'berlin', quantity: 3 });
    expect(Object.keys(main.attributes).sort()).toEqual(['location', 'product_id', 'quantity', 'sku', 'updated_at']);
    const again = await change([{ sku: 'TEE', set: 7 }]);
    expect(again.body.data.items[0]).toMatchObject({ id: main.id, attributes: { quantity: 7 } });
  });

  it('adjusts up and down, and starts a new level from zero', async () => {
    await change([{ sku: 'CAP', set: 10 }]);
    const res = await change([{ sku: 'CAP', adjust: -4 }, { sku: 'CAP', adjust: 2 }, { sku: 'CAP', location: 'store', adjust: 5 }]);
    expect(res.body.data).toMatchObject({ sent_count: 3, updated_count: 2, rejected_count: 0 });
    expect(await quantity('CAP')).toBe(8);
    expect(await quantity('CAP', 'store')).toBe(5);
  });

  it('applies changes of one level in request order, even interleaved with other levels', async () => {
    const res = await change([
      { sku: 'MUG', set: 5 }, { sku: 'BAG', set: 1 }, { sku: 'MUG', adjust: -3 }, { sku: 'BAG', adjust: -1 },
      { sku: 'MUG', adjust: -3 }, { sku: 'MUG', adjust: 10 }, { sku: 'BAG', adjust: -1 }, { sku: 'MUG', set: 0 }, { sku: 'MUG', adjust: 4 },
    ]);
    // MUG: 5 → 2 → (−3 refused) → 12 → 0 → 4; BAG: 1 → 0 → (−1 refused).
    expect(res.body.data.rejected_items.map((r: any) => [r.index, r.errors[0].field])).toEqual([[4, 'adjust'], [6, 'adjust']]);
    expect(res.body.data).toMatchObject({ sent_count: 7, updated_count: 2 });
    expect(res.body.data.items.map((l: any) => [l.attributes.sku, l.attributes.quantity])).toEqual([['BAG', 0], ['MUG', 4]]);
  });

  it('applies the valid items of a mixed batch and rejects the others by index, echoing them', async () => {
    await change([{ sku: 'PIN', set: 2 }]);
    const items = [
      { sku: 'PIN', adjust: 3 },
      { sku: 'NOPE', set: 1 },
      { sku: 'PIN', adjust: -10 },
      { sku: 'PIN', set: 1, adjust: 1 },
      { sku: 'PIN', set: 1.5 },
      { sku: 'PIN', location: 'x', adjust: -1 },
      { sku: 'PIN', location: 'shelf', set: 4 },
    ];
    const res = await change(items);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ sent_count: 2, updated_count: 2, rejected_count: 5 });
    expect(res.body.data.rejected_items.map((r: any) => [r.index, r.errors.map((e: any) => e.field)])).toEqual([
      [1, ['sku']], [2, ['adjust']], [3, ['set']], [4, ['set']], [5, ['adjust']],
    ]);
    expect(res.body.data.rejected_items.map((r: any) => r.item)).toEqual([items[1], items[2], items[3], items[4], items[5]]);
    expect(res.body.data.rejected_items[0].errors[0].message).toMatch(/no product/);
    expect(res.body.data.rejected_items[1].errors[0].message).toMatch(/below zero/);
    expect(await quantity('PIN')).toBe(5);
    expect(await quantity('PIN', 'shelf')).toBe(4);
    expect(await quantity('PIN', 'x')).toBeUndefined();
  });

  it('loses no concurrent adjustment and never goes below zero', async () => {
    await change([{ sku: 'RACE', set: 10 }]);
    const results = await Promise.all(Array.from({ length: 10 }, () => change([{ sku: 'RACE', adjust: -1 }])));
    expect(results.map((r) => r.body.data.updated_count)).toEqual(Array(10).fill(1));
    expect(await quantity('RACE')).toBe(0);
    const late = await Promise.all(Array.from({ length: 5 }, () => change([{ sku: 'RACE', adjust: -1 }])));
    expect(late.map((r) => r.body.data.rejected_count)).toEqual(Array(5).fill(1));
    expect(await quantity('RACE')).toBe(0);
  });

  it('runs concurrent batches that touch the same levels in opposite orders without deadlocks', async () => {
    await change([{ sku: 'CROSS-A', set: 100 }, { sku: 'CROSS-B', set: 100 }]);
    const batches = Array.from({ length: 12 }, (_, i) => (i % 2 === 0
      ? [{ sku: 'CROSS-A', adjust: -1 }, { sku: 'CROSS-B', adjust: -2 }]
      : [{ sku: 'CROSS-B', adjust: -2 }, { sku: 'CROSS-A', adjust: -1 }]));
    const results = await Promise.all(batches.map((b) => change(b)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(await quantity('CROSS-A')).toBe(88);
    expect(await quantity('CROSS-B')).toBe(76);
  });

  it('replays an idempotent batch without applying it twice', async () => {
    await change([{ sku: 'IDEM', set: 5 }]);
    const headers = { 'idempotency-key': 'stock-take-1' };
    const first = await change([{ sku: 'IDEM', adjust: -2 }], headers);
    const second = await change([{ sku: 'IDEM', adjust: -2 }], headers);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await quantity('IDEM')).toBe(3);
  });

  it('records one inventory.updated event per changed level', async () => {
    const res = await change([{ sku: 'TEE', adjust: 1 }, { sku: 'TEE', adjust: 1 }]);
    const id = res.body.data.items[0].id;
    const events = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.events).where(eq(schema.events.type, 'inventory.updated')));
    const last = events.filter((e) => (e.data as { id: string }).id === id).map((e) => (e.data as { attributes: { quantity: number } }).attributes.quantity);
    expect(last).toContain(9);
    expect(last).not.toContain(8);
  });

  it('takes 1,000 changes in one request', async () => {
    const data = Array.from({ length: 1000 }, (_, i) => ({ sku: 'BAG', location: `bin-${i % 100}`, adjust: 1 }));
    const res = await change(data);
    expect(res.body.data).toMatchObject({ sent_count: 1000, updated_count: 100, rejected_count: 0 });
    expect(res.body.data.items.every((l: any) => l.attributes.quantity === 10)).toBe(true);
  });
});

describe('GET /api/v1/inventory', () => {
  it('lists this shop’s levels by sku, with filters on sku, product, location, quantity and updated_at', async () => {
    const all = await call(api, '/api/v1/inventory?limit=100&filter[location]=default,berlin,store,shelf', { token });
    expect(all.status).toBe(200);
    const skus = all.body.data.map((l: any) => l.attributes.sku);
    expect(skus).toEqual([...skus].sort());
    expect(all.body.data.find((l: any) => l.attributes.sku === 'TEE' && l.attributes.location === 'default').attributes.quantity).toBe(9);
    const byProduct = await call(api, `/api/v1/inventory?filter[product_id]=${products.CAP}&sort=-quantity`, { token });
    expect(byProduct.body.data.map((l: any) => [l.attributes.location, l.attributes.quantity])).toEqual([['default', 8], ['store', 5]]);
    const low = await call(api, '/api/v1/inventory?filter[quantity][lte]=0&filter[location]=default&sort=sku', { token });
    expect(low.body.data.map((l: any) => l.attributes.sku)).toEqual(['BAG', 'RACE']);
    const range = await call(api, '/api/v1/inventory?filter[quantity][gt]=3&filter[quantity][lt]=9&filter[sku]=CAP,PIN,TEE&sort=quantity', { token });
    expect(range.body.data.map((l: any) => l.attributes.quantity)).toEqual([4, 5, 5, 8]);
    const before = new Date().toISOString();
    await change([{ sku: 'MUG', adjust: 1 }]);
    const recent = await call(api, `/api/v1/inventory?filter[updated_at][gte]=${before}`, { token });
    expect(recent.body.data.map((l: any) => l.attributes.sku)).toEqual(['MUG']);
    const latest = await call(api, '/api/v1/inventory?sort=-updated_at&limit=1&fields=sku,quantity', { token });
    expect(latest.body.data[0].attributes).toEqual({ sku: 'MUG', quantity: 5 });
  });

  it('pages through every level exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(api, `/api/v1/inventory?limit=7&sort=-quantity${cursor ? `&cursor=${cursor}` : ''}`, { token });
      seen.push(...res.body.data.map((l: { id: string }) => l.id));
      cursor = res.body.pagination.next_cursor;
    } while (cursor);
    const count = await withShop(api.deps.db, shop.shopId, (tx) => tx.$count(schema.inventoryLevels));
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });
});
