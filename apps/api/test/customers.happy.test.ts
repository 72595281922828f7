import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createOrder, createTenant, createToken } from '@sumeru/testing';
import { call, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let shop: { agencyId: string; shopId: string };
let customers: Awaited<ReturnType<typeof createCustomers>>;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  customers = await createCustomers(api.deps.db, shop, 130, (i) => ({
    tags: i % 3 === 0 ? ['vip'] : i % 3 === 1 ? ['wholesale'] : [],
    lastOrderAt: i % 4 === 0 ? null : new Date(Date.UTC(2026, 4, 1) + (i % 17) * 86_400_000),
    email: i === 5 ? 'Jane@Example.com' : `customer${i}@example.test`,
  }));
  // The other shop's customers must never show up.
  await createCustomers(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! }, 20);
});

afterAll(async () => {
  await api.close();
});

const pageThrough = async (query: string) => {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const res = await call(api, `/api/v1/customers?${query}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(res.status).toBe(200);
    ids.push(...res.body.data.map((c: { id: string }) => c.id));
    if (!res.body.pagination.has_next) {
      expect(res.body.pagination.next_cursor).toBeNull();
      return { ids, last: res };
    }
    cursor = res.body.pagination.next_cursor;
  }
  throw new Error('pagination did not end');
};

describe('GET /api/v1/customers', () => {
  it('returns resource objects with the seeds’ shape and the pipeline headers', async () => {
    const res = await call(api, '/api/v1/customers?limit=2', { token });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    const [first] = res.body.data;
    expect(first).toMatchObject({ type: 'customer', id: expect.stringMatching(/^cus_/) });
    expect(first.attributes).toHaveProperty('email');
    expect(typeof first.attributes.total_spent).toBe('number');
    expect(first.relationships.orders.links.related).toBe(`/api/v1/customers/${first.id}/orders`);
    expect(res.body.pagination).toEqual({ next_cursor: expect.any(String), has_next: true });
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(res.headers.get('x-sumeru-stability')).toBe('stable');
    expect(res.headers.get('x-ratelimit-limit')).toBe('6000');
    expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeLessThan(6000);
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
    expect(res.headers.get('ratelimit-policy')).toMatch(/q=6000;w=60/);
    expect(res.headers.get('ratelimit')).toMatch(/r=\d+;t=\d+/);
  });

  it('pages through every customer of the shop exactly once, newest first by default', async () => {
    const { ids } = await pageThrough('limit=17');
    expect(ids).toHaveLength(130);
    expect(new Set(ids)).toEqual(new Set(customers.map((c) => c.id)));
    const expected = [...customers].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((c) => c.id);
    expect(ids).toEqual(expected);
  });

  it('pages a sort on a nullable column with mixed directions without gaps or repeats', async () => {
    const { ids } = await pageThrough('limit=9&sort=-last_order_at,email');
    expect(ids).toHaveLength(130);
    expect(new Set(ids).size).toBe(130);
  });

  it('keeps a cursor stable when rows are inserted before it', async () => {
    const first = await call(api, '/api/v1/customers?limit=10&sort=created_at', { token });
    const seen = first.body.data.map((c: { id: string }) => c.id);
    await createCustomers(api.deps.db, shop, 1, () => ({ createdAt: new Date(Date.UTC(2020, 0, 1)), email: 'early@example.test' }));
    const second = await call(api, `/api/v1/customers?limit=10&sort=created_at&cursor=${first.body.pagination.next_cursor}`, { token });
    const next = second.body.data.map((c: { id: string }) => c.id);
    expect(next.some((id: string) => seen.includes(id))).toBe(false);
    const expected = [...customers].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).slice(10, 20).map((c) => c.id);
    expect(next).toEqual(expected);
  });

  it('filters by equality, IN, tags, ranges, and case-insensitive email', async () => {
    const loyal = await call(api, '/api/v1/customers?filter[lifecycle_stage]=loyal&limit=100', { token });
    expect(loyal.body.data.length).toBe(customers.filter((c) => c.lifecycleStage === 'loyal').length);
    expect(loyal.body.data.every((c: any) => c.attributes.lifecycle_stage === 'loyal')).toBe(true);

    const two = await call(api, '/api/v1/customers?filter[lifecycle_stage]=loyal,churned&limit=100', { token });
    expect(two.body.data.length).toBe(customers.filter((c) => ['loyal', 'churned'].includes(c.lifecycleStage)).length);

    const vip = await call(api, '/api/v1/customers?filter[tags]=vip&limit=100', { token });
    expect(vip.body.data.length).toBe(44);

    const range = await call(api, '/api/v1/customers?filter[total_spent][gte]=100&filter[total_spent][lt]=200.50&limit=100', { token });
    expect(range.body.data.map((c: any) => c.attributes.total_spent).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 11 }, (_, i) => 100 + i * 10),
    );

    const email = await call(api, '/api/v1/customers?filter[email]=jane@example.com', { token });
    expect(email.body.data).toHaveLength(1);
    expect(email.body.data[0].id).toBe(customers[5]!.id);

    const dates = await call(api, '/api/v1/customers?filter[created_at][gte]=2026-01-02&filter[created_at][lt]=2026-01-03&limit=100', { token });
    expect(dates.body.data).toHaveLength(24);
  });

  it('sorts by a declared field, tie-broken by id', async () => {
    const res = await call(api, '/api/v1/customers?sort=-total_spent&limit=5', { token });
    const spent = res.body.data.map((c: any) => c.attributes.total_spent);
    expect(spent).toEqual([1290, 1280, 1270, 1260, 1250]);
  });

  it('returns only the requested fields, with id and type always present', async () => {
    const res = await call(api, '/api/v1/customers?fields=id,email,total_spent&limit=3', { token });
    for (const c of res.body.data) {
      expect(Object.keys(c.attributes).sort()).toEqual(['email', 'total_spent']);
      expect(c.id).toMatch(/^cus_/);
      expect(c.type).toBe('customer');
    }
  });

  it('answers on the /v1 alias too', async () => {
    const res = await call(api, '/v1/customers?limit=1', { token });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
  });
});

describe('GET /api/v1/customers/{id}', () => {
  it('includes the customer’s orders as JSON:API relationships and included resources', async () => {
    const customer = customers[3]!;
    const a = await createOrder(api.deps.db, shop, { customerId: customer.id, placedAt: new Date('2026-05-01T10:00:00Z') });
    const b = await createOrder(api.deps.db, shop, { customerId: customer.id, placedAt: new Date('2026-05-03T10:00:00Z') });
    await createOrder(api.deps.db, shop, { customerId: customers[4]!.id });

    const res = await call(api, `/api/v1/customers/${customer.id}?include=orders`, { token });
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(customer.id);
    expect(res.body.data.relationships.orders.data).toEqual([{ type: 'order', id: b.id }, { type: 'order', id: a.id }]);
    expect(res.body.included.map((r: any) => [r.type, r.id])).toEqual([['order', b.id], ['order', a.id]]);
    expect(res.body.included[0].attributes.total).toBe(Number(b.total));

    const plain = await call(api, `/api/v1/customers/${customer.id}`, { token });
    expect(plain.body).not.toHaveProperty('included');
  });

  it('includes orders on lists as well, one query for the page', async () => {
    const res = await call(api, `/api/v1/customers?include=orders&filter[email]=${encodeURIComponent(customers[3]!.email!)}`, { token });
    expect(res.body.data[0].relationships.orders.data).toHaveLength(2);
    expect(res.body.included).toHaveLength(2);
  });
});

describe('PATCH /api/v1/customers/{id}', () => {
  it('updates tags with the seeds’ body and returns the new resource', async () => {
    const id = customers[7]!.id;
    const res = await call(api, `/api/v1/customers/${id}`, { token, method: 'PATCH', body: { data: { attributes: { tags: ['vip', 'wholesale', 'vip'] } } } });
    expect(res.status).toBe(200);
    expect(res.body.data.attributes.tags).toEqual(['vip', 'wholesale']);
    const again = await call(api, `/api/v1/customers/${id}`, { token });
    expect(again.body.data.attributes.tags).toEqual(['vip', 'wholesale']);
  });

  it('accepts a flat object of attributes too', async () => {
    const id = customers[8]!.id;
    const res = await call(api, `/api/v1/customers/${id}`, { token, method: 'PATCH', body: { first_name: 'Ada', email: 'ADA@Example.com', accepts_marketing: true } });
    expect(res.status).toBe(200);
    expect(res.body.data.attributes).toMatchObject({ first_name: 'Ada', email: 'ada@example.com', accepts_marketing: true });
  });
});

describe('POST /api/v1/customers/bulk', () => {
  it('creates and updates customers by external_id, rejecting bad items one by one', async () => {
    const res = await call(api, '/api/v1/customers/bulk', {
      token,
      method: 'POST',
      body: { data: [
        { external_id: 'erp-1', email: 'ERP1@Example.com', first_name: 'Erp', tags: ['wholesale'] },
        { external_id: 'erp-2', email: 'not-an-email' },
        { external_id: 'erp-3', total_spent: 10 },
        { external_id: 'erp-4', accepts_marketing: true },
      ] },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ sent_count: 2, rejected_count: 2 });
    expect(res.body.data.rejected_items.map((r: any) => [r.index, r.errors[0].field])).toEqual([[1, 'email'], [2, 'total_spent']]);
    expect(res.body.data.rejected_items[1].errors[0].message).toMatch(/read-only/);

    const again = await call(api, '/api/v1/customers/bulk', { token, method: 'POST', body: { data: [{ external_id: 'erp-1', last_name: 'Import' }] } });
    expect(again.body.data.sent_count).toBe(1);
    const [row] = (await call(api, '/api/v1/customers?filter[external_id]=erp-1', { token })).body.data;
    expect(row.attributes).toMatchObject({ email: 'erp1@example.com', first_name: 'Erp', last_name: 'Import', tags: ['wholesale'], lifecycle_stage: 'new' });
  });
});
