import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withAgency, withShop } from '@sumeru/db';
import { createTenant, createToken } from '@sumeru/testing';
import { call, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let shop: { agencyId: string; shopId: string };
let token: string;
let usdToken: string;
let listToken: string;
let otherToken: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 4);
  const [main, usd, list, other] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId }));
  shop = main!;
  await withAgency(api.deps.db, tenant.agencyId, (tx) => tx.update(schema.shops).set({ currency: 'USD' }).where(eq(schema.shops.id, usd!.shopId)));
  token = (await createToken(api.deps.db, main!)).token;
  usdToken = (await createToken(api.deps.db, usd!)).token;
  listToken = (await createToken(api.deps.db, list!)).token;
  otherToken = (await createToken(api.deps.db, other!)).token;
});

afterAll(async () => {
  await api.close();
});

const create = (body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) =>
  call(api, '/api/v1/products', { token: options.token ?? token, method: 'POST', body, ...(options.headers ? { headers: options.headers } : {}) });
const patch = (id: string, body: unknown) => call(api, `/api/v1/products/${id}`, { token, method: 'PATCH', body });
const setStock = (changes: unknown[], as = token) => call(api, '/api/v1/inventory', { token: as, method: 'PATCH', body: { data: changes } });
/** The price as PostgreSQL stores it: exact digits, no float in between. */
const storedPrice = async (id: string) =>
  (await withShop(api.deps.db, shop.shopId, (tx) => tx.select({ price: sql<string>`${schema.products.price}::text` }).from(schema.products).where(eq(schema.products.id, id))))[0]!.price;

describe('POST /api/v1/products', () => {
  it('creates from the JSON:API body: 201, Location, defaults, a derived handle and an event', async () => {
    const res = await create({ data: { attributes: { title: 'Trail Runner Über 2', price: 19.99, tags: ['running', 'running', 'trail'] } } });
    expect(res.status).toBe(201);
    const product = res.body.data;
    expect(product).toMatchObject({ type: 'product', id: expect.stringMatching(/^prd_/) });
    expect(res.headers.get('location')).toBe(`/api/v1/products/${product.id}`);
    expect(product.attributes).toMatchObject({
      title: 'Trail Runner Über 2', handle: 'trail-runner-uber-2', price: 19.99, currency: 'EUR', status: 'active',
      tags: ['running', 'trail'], sku: null, external_id: null, vendor: null, description: null,
    });
    expect(product.attributes.created_at).toBe(product.attributes.updated_at);
    expect(product.relationships.inventory.links.related).toBe(`/api/v1/inventory?filter[product_id]=${product.id}`);
    const fetched = await call(api, res.headers.get('location')!, { token });
    expect(fetched.body.data).toEqual(product);
    const events = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.events).where(eq(schema.events.type, 'product.updated')));
    expect(events.map((e) => (e.data as { id: string }).id)).toContain(product.id);
  });

  it('accepts a flat object with every writable attribute', async () => {
    const attributes = {
      title: 'Wool Cap', price: '12.5', handle: 'wool-cap-grey', sku: 'CAP-GREY', external_id: 'erp-cap-1', description: 'Warm.',
      vendor: 'Acme', product_type: 'Hat', status: 'draft', tags: ['winter'], currency: 'CHF',
    };
    const res = await create(attributes);
    expect(res.status).toBe(201);
    expect(res.body.data.attributes).toMatchObject({ ...attributes, price: 12.5 });
  });

  it('derives a free handle: numeric suffixes for a taken one, a fallback for a title without letters', async () => {
    const handles = [];
    for (let i = 0; i < 3; i++) handles.push((await create({ title: 'Linen Shirt', price: 30 })).body.data.attributes.handle);
    expect(handles).toEqual(['linen-shirt', 'linen-shirt-2', 'linen-shirt-3']);
    expect((await create({ title: '★★★', price: 1 })).body.data.attributes.handle).toBe('product');
  });

  it('defaults the currency to the shop’s', async () => {
    const res = await create({ title: 'Dollar thing', price: 5 }, { token: usdToken });
    expect(res.body.data.attributes.currency).toBe('USD');
  });

  it('replays an idempotent create: same answer, Idempotent-Replayed, one product', async () => {
    const headers = { 'idempotency-key': 'create-sock-1' };
    const first = await create({ title: 'Sock', price: 3.5, sku: 'SOCK-IDEM' }, { headers });
    const second = await create({ title: 'Sock', price: 3.5, sku: 'SOCK-IDEM' }, { headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect((await call(api, '/api/v1/products?filter[sku]=SOCK-IDEM', { token })).body.data).toHaveLength(1);
  });

  it('makes one product of concurrent identical requests with one key', async () => {
    const headers = { 'idempotency-key': 'create-belt-race' };
    const results = await Promise.all(Array.from({ length: 6 }, () => create({ title: 'Belt', price: 20, sku: 'BELT-RACE' }, { headers })));
    expect(results.every((r) => r.status === 201 || r.body.error?.code === 'idempotency_conflict')).toBe(true);
    expect((await call(api, '/api/v1/products?filter[sku]=BELT-RACE', { token })).body.data).toHaveLength(1);
  });
});

describe('money', () => {
  it('stores prices exactly as sent, numbers or strings, and keeps them exact through PATCH', async () => {
    const product = (await create({ title: 'Exact', price: 19.99 })).body.data;
    expect(await storedPrice(product.id)).toBe('19.99');
    const patched = await patch(product.id, { price: 0.1 });
    expect(patched.body.data.attributes.price).toBe(0.1);
    expect(await storedPrice(product.id)).toBe('0.10');
    for (const [sent, stored, shown] of [[0.07, '0.07', 0.07], [1.005e2, '100.50', 100.5], ['0009.90', '9.90', 9.9], [999999999999.99, '999999999999.99', 999999999999.99], [0, '0.00', 0]] as const) {
      const res = await patch(product.id, { price: sent });
      expect(res.body.data.attributes.price, String(sent)).toBe(shown);
      expect(await storedPrice(product.id)).toBe(stored);
    }
    await patch(product.id, { price: 0.1 });
    const [sum] = await withShop(api.deps.db, shop.shopId, (tx) => tx.execute<{ total: string }>(sql`select (price * 3)::text as total from products where id = ${product.id}`));
    expect(sum!.total).toBe('0.30');
    const exact = await call(api, `/api/v1/products?filter[price][gte]=0.10&filter[price][lte]=0.10&filter[handle]=${product.attributes.handle}`, { token });
    expect(exact.body.data.map((p: { id: string }) => p.id)).toEqual([product.id]);
  });
});

describe('GET /api/v1/products/{id}', () => {
  it('includes the product’s inventory levels as JSON:API relationships and included resources', async () => {
    const product = (await create({ title: 'Runner', price: 89, sku: 'RUN-1' })).body.data;
    await setStock([{ sku: 'RUN-1', set: 4 }, { sku: 'RUN-1', location: 'berlin', set: 9 }]);
    const res = await call(api, `/api/v1/products/${product.id}?include=inventory`, { token });
    expect(res.status).toBe(200);
    const refs = res.body.data.relationships.inventory.data;
    expect(refs).toHaveLength(2);
    expect(res.body.data.relationships.inventory.meta).toEqual({ count: 2, truncated: false });
    expect(res.body.included.map((l: any) => [l.type, l.id])).toEqual(refs.map((r: any) => [r.type, r.id]));
    expect(res.body.included.map((l: any) => [l.attributes.location, l.attributes.quantity])).toEqual([['berlin', 9], ['default', 4]]);
    expect(res.body.included[0].attributes).toMatchObject({ product_id: product.id, sku: 'RUN-1' });
    const plain = await call(api, `/api/v1/products/${product.id}`, { token });
    expect(plain.body).not.toHaveProperty('included');
    expect(plain.body.data.relationships.inventory).not.toHaveProperty('data');
  });

  it('returns only the requested fields', async () => {
    const product = (await create({ title: 'Sparse', price: 2 })).body.data;
    const res = await call(api, `/api/v1/products/${product.id}?fields=title,price`, { token });
    expect(res.body.data).toMatchObject({ id: product.id, type: 'product', attributes: { title: 'Sparse', price: 2 } });
    expect(Object.keys(res.body.data.attributes).sort()).toEqual(['price', 'title']);
  });
});

describe('GET /api/v1/products', () => {
  const catalogue = [
    { title: 'Alpha Boot', price: 120, vendor: 'Acme', product_type: 'Shoe', status: 'active', tags: ['winter'], sku: 'L-1', external_id: 'x-1' },
    { title: 'Beta Sandal', price: 35.5, vendor: 'Acme', product_type: 'Shoe', status: 'draft', tags: ['summer'], sku: 'L-2', external_id: 'x-2' },
    { title: 'Gamma Scarf', price: 35.5, vendor: 'Wooly', product_type: 'Scarf', status: 'active', tags: ['winter', 'gift'], sku: 'L-3', external_id: 'x-3' },
    { title: 'Delta Hat', price: 19.99, vendor: 'Wooly', product_type: 'Hat', status: 'archived', tags: [], sku: 'L-4', external_id: 'x-4' },
    { title: 'Epsilon Glove', price: 0.5, vendor: 'Acme', product_type: 'Glove', status: 'active', tags: ['gift'], sku: 'L-5', external_id: 'x-5' },
    { title: 'Zeta Sock', price: 7, vendor: 'Socky', product_type: 'Sock', status: 'active', tags: [], sku: 'L-6', external_id: 'x-6' },
    { title: 'Eta Belt', price: 45, vendor: 'Acme', product_type: 'Belt', status: 'draft', tags: ['gift'], sku: 'L-7', external_id: 'x-7' },
  ];
  const ids: string[] = [];
  const ids$ = (res: { body: { data: { id: string }[] } }) => res.body.data.map((p) => p.id);
  const list = (query: string) => call(api, `/api/v1/products?${query}`, { token: listToken });

  beforeAll(async () => {
    for (const attributes of catalogue) ids.push((await create(attributes, { token: listToken })).body.data.id);
    await create({ title: 'Not mine', price: 1, vendor: 'Acme' }, { token: otherToken });
  });

  it('lists newest first and pages through every product exactly once', async () => {
    expect(ids$(await list(''))).toEqual([...ids].reverse());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`limit=3&sort=price${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...ids$(res));
      cursor = res.body.pagination.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(catalogue.length);
    expect(new Set(seen)).toEqual(new Set(ids));
  });

  it('filters by status, vendor, product type, sku, external id, handle and tags, ANDed, commas as IN', async () => {
    const titles = async (query: string) => (await list(`${query}&sort=title`)).body.data.map((p: any) => p.attributes.title);
    expect(await titles('filter[status]=draft')).toEqual(['Beta Sandal', 'Eta Belt']);
    expect(await titles('filter[vendor]=Acme&filter[status]=active')).toEqual(['Alpha Boot', 'Epsilon Glove']);
    expect(await titles('filter[product_type]=Hat,Scarf')).toEqual(['Delta Hat', 'Gamma Scarf']);
    expect(await titles('filter[sku]=L-6')).toEqual(['Zeta Sock']);
    expect(await titles('filter[external_id]=x-1,x-4')).toEqual(['Alpha Boot', 'Delta Hat']);
    expect(await titles('filter[handle]=epsilon-glove')).toEqual(['Epsilon Glove']);
    expect(await titles('filter[tags]=gift')).toEqual(['Epsilon Glove', 'Eta Belt', 'Gamma Scarf']);
    expect(await titles('filter[tags]=summer,winter')).toEqual(['Alpha Boot', 'Beta Sandal', 'Gamma Scarf']);
  });

  it('filters on price, created_at and updated_at ranges', async () => {
    const prices = async (query: string) => (await list(`${query}&sort=price`)).body.data.map((p: any) => p.attributes.price);
    expect(await prices('filter[price][gte]=19.99&filter[price][lt]=45')).toEqual([19.99, 35.5, 35.5]);
    expect(await prices('filter[price][gt]=35.5&filter[price][lte]=120')).toEqual([45, 120]);
    const third = (await call(api, `/api/v1/products/${ids[2]}`, { token: listToken })).body.data.attributes.created_at;
    expect(ids$(await list(`filter[created_at][gte]=${third}&sort=created_at`))).toEqual(ids.slice(2));
    expect(ids$(await list(`filter[created_at][lt]=${third}&sort=created_at`))).toEqual(ids.slice(0, 2));
    const before = new Date().toISOString();
    await call(api, `/api/v1/products/${ids[0]}`, { token: listToken, method: 'PATCH', body: { tags: ['winter', 'sale'] } });
    expect(ids$(await list(`filter[updated_at][gte]=${before}`))).toEqual([ids[0]]);
  });

  it('sorts by title, price, created_at and updated_at in either direction, ties broken by id', async () => {
    const titles = (res: any) => res.body.data.map((p: any) => p.attributes.title);
    expect(titles(await list('sort=title'))).toEqual(catalogue.map((p) => p.title).sort());
    expect(titles(await list('sort=-title'))).toEqual(catalogue.map((p) => p.title).sort().reverse());
    const byPrice = (await list('sort=-price')).body.data;
    expect(byPrice.map((p: any) => p.attributes.price)).toEqual([120, 45, 35.5, 35.5, 19.99, 7, 0.5]);
    const tied = byPrice.filter((p: any) => p.attributes.price === 35.5).map((p: any) => p.id);
    expect(tied).toEqual([...tied].sort().reverse());
    expect(ids$(await list('sort=created_at'))).toEqual(ids);
    expect(ids$(await list('sort=-updated_at&limit=1'))).toEqual([ids[0]]);
  });

  it('returns sparse fields and includes inventory on a page', async () => {
    await setStock([{ sku: 'L-1', set: 3 }, { sku: 'L-2', set: 8 }, { sku: 'L-2', location: 'store', set: 1 }], listToken);
    const res = await list('fields=title&include=inventory&filter[vendor]=Acme&sort=title');
    expect(res.body.data.every((p: any) => Object.keys(p.attributes).join() === 'title')).toBe(true);
    const counts = res.body.data.map((p: any) => [p.attributes.title, p.relationships.inventory.data.length]);
    expect(counts).toEqual([['Alpha Boot', 1], ['Beta Sandal', 2], ['Epsilon Glove', 0], ['Eta Belt', 0]]);
    expect(res.body.included).toHaveLength(3);
    expect(res.body.included.every((l: any) => l.type === 'inventory_level')).toBe(true);
  });
});

describe('PATCH /api/v1/products/{id}', () => {
  it('updates the writable attributes from either body shape and moves updated_at only', async () => {
    const product = (await create({ title: 'Old title', price: 10, sku: 'PATCH-1' })).body.data;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const res = await patch(product.id, { data: { attributes: { title: 'New title', status: 'archived', vendor: 'Acme', tags: ['b', 'a'], external_id: 'erp-p1', description: null } } });
    expect(res.status).toBe(200);
    expect(res.body.data.attributes).toMatchObject({ title: 'New title', status: 'archived', vendor: 'Acme', tags: ['b', 'a'], external_id: 'erp-p1', description: null });
    // A handle is an address: renaming the product does not move it.
    expect(res.body.data.attributes.handle).toBe('old-title');
    expect(res.body.data.attributes.created_at).toBe(product.attributes.created_at);
    expect(Date.parse(res.body.data.attributes.updated_at)).toBeGreaterThan(Date.parse(product.attributes.updated_at));
    const flat = await patch(product.id, { handle: 'new-title', currency: 'GBP' });
    expect(flat.body.data.attributes).toMatchObject({ handle: 'new-title', currency: 'GBP', title: 'New title' });
    expect((await call(api, `/api/v1/products/${product.id}`, { token })).body.data).toEqual(flat.body.data);
  });

  it('keeps a product’s own sku, handle and external id without a conflict', async () => {
    const product = (await create({ title: 'Same', price: 1, sku: 'SAME-1', handle: 'same-1', external_id: 'same-1' })).body.data;
    const res = await patch(product.id, { sku: 'SAME-1', handle: 'same-1', external_id: 'same-1', price: 2 });
    expect(res.status).toBe(200);
  });

  it('moves the inventory levels with a new sku', async () => {
    const product = (await create({ title: 'Renamed sku', price: 1, sku: 'OLD-SKU' })).body.data;
    await setStock([{ sku: 'OLD-SKU', set: 5 }, { sku: 'OLD-SKU', location: 'b', set: 2 }]);
    expect((await patch(product.id, { sku: 'NEW-SKU' })).status).toBe(200);
    const levels = (await call(api, `/api/v1/inventory?filter[product_id]=${product.id}`, { token })).body.data;
    expect(levels.map((l: any) => [l.attributes.sku, l.attributes.location, l.attributes.quantity]).sort()).toEqual([['NEW-SKU', 'b', 2], ['NEW-SKU', 'default', 5]]);
    const adjusted = await setStock([{ sku: 'NEW-SKU', adjust: -1 }, { sku: 'OLD-SKU', adjust: -1 }]);
    expect(adjusted.body.data.items.map((l: any) => l.attributes.quantity)).toEqual([4]);
    expect(adjusted.body.data.rejected_items.map((r: any) => [r.index, r.errors[0].field])).toEqual([[1, 'sku']]);
  });
});

describe('POST /api/v1/products/bulk', () => {
  it('creates and updates by external_id with derived handles and the shop’s currency', async () => {
    const res = await call(api, '/api/v1/products/bulk', { token, method: 'POST', body: { data: [
      { external_id: 'erp-b1', title: 'Bulk shoe', price: 49.5, sku: 'BULK-1' },
      { external_id: 'erp-b2', price: 1 },
    ] } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ sent_count: 1, rejected_count: 1 });
    expect(res.body.data.rejected_items.map((r: any) => [r.index, r.errors[0].field])).toEqual([[1, 'title']]);
    await setStock([{ sku: 'BULK-1', set: 3 }]);
    const again = await call(api, '/api/v1/products/bulk', { token, method: 'POST', body: { data: [{ external_id: 'erp-b1', price: '50.10', sku: 'BULK-1B' }] } });
    expect(again.body.data.sent_count).toBe(1);
    const [product] = (await call(api, '/api/v1/products?filter[external_id]=erp-b1&include=inventory', { token })).body.data;
    expect(product.attributes).toMatchObject({ title: 'Bulk shoe', handle: 'bulk-shoe-erp-b1', price: 50.1, currency: 'EUR', sku: 'BULK-1B' });
    expect(await storedPrice(product.id)).toBe('50.10');
    const [level] = (await call(api, `/api/v1/inventory?filter[product_id]=${product.id}`, { token })).body.data;
    expect(level.attributes).toMatchObject({ sku: 'BULK-1B', quantity: 3 });
  });
});
