import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createOrder, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let customerIds: string[];
let orders: { id: string; total: string; placedAt: Date; customerId: string; status: string }[];

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  customerIds = (await createCustomers(api.deps.db, shop, 3)).map((c) => c.id);
  orders = [];
  for (let day = 1; day <= 12; day++) {
    const customerId = customerIds[day % 3]!;
    const status = day % 4 === 0 ? 'refunded' : 'paid';
    const placedAt = new Date(Date.UTC(2026, 4, day, 12));
    const order = await createOrder(api.deps.db, shop, { customerId, status, placedAt, items: 1 + (day % 3), externalId: `erp-${day}` });
    orders.push({ ...order, placedAt, customerId, status });
  }
});

afterAll(async () => {
  await api.close();
});

describe('GET /api/v1/orders', () => {
  it('lists newest first with money as decimal numbers', async () => {
    const res = await call(api, '/api/v1/orders?limit=3', { token });
    expect(res.status).toBe(200);
    expect(res.body.data.map((o: any) => o.id)).toEqual([...orders].reverse().slice(0, 3).map((o) => o.id));
    expect(res.body.data[0].attributes.total).toBe(Number(orders[11]!.total));
    expect(res.body.data[0].relationships.customer.data).toEqual({ type: 'customer', id: orders[11]!.customerId });
  });

  it('filters by customer, status, external id and an inclusive date range', async () => {
    const byCustomer = await call(api, `/api/v1/orders?filter[customer_id]=${customerIds[1]}`, { token });
    expect(byCustomer.body.data).toHaveLength(orders.filter((o) => o.customerId === customerIds[1]).length);
    const refunded = await call(api, '/api/v1/orders?filter[status]=refunded', { token });
    expect(refunded.body.data).toHaveLength(3);
    const erp = await call(api, '/api/v1/orders?filter[external_id]=erp-5,erp-6', { token });
    expect(erp.body.data).toHaveLength(2);
    const range = await call(api, '/api/v1/orders?filter[date_from]=2026-05-03&filter[date_to]=2026-05-05', { token });
    expect(range.body.data.map((o: any) => o.attributes.placed_at)).toEqual([
      '2026-05-05T12:00:00.000Z', '2026-05-04T12:00:00.000Z', '2026-05-03T12:00:00.000Z',
    ]);
    expectEnvelope(await call(api, '/api/v1/orders?filter[status]=lost', { token }), 422, 'validation_failed');
  });

  it('includes customers and line items without duplicates', async () => {
    const res = await call(api, '/api/v1/orders?include=customer,line_items&limit=6', { token });
    const customers = res.body.included.filter((r: any) => r.type === 'customer');
    expect(new Set(customers.map((c: any) => c.id)).size).toBe(customers.length);
    const items = res.body.included.filter((r: any) => r.type === 'line_item');
    const referenced = res.body.data.flatMap((o: any) => o.relationships.line_items.data.map((d: any) => d.id));
    expect(items.map((i: any) => i.id).sort()).toEqual(referenced.sort());
  });
});

describe('GET /api/v1/orders/{id}', () => {
  it('returns the order with line items that add up to its total', async () => {
    const order = orders[4]!;
    const res = await call(api, `/api/v1/orders/${order.id}?include=line_items`, { token });
    expect(res.status).toBe(200);
    const items = res.body.included;
    const sumMinor = items.reduce((n: number, i: any) => n + Math.round(i.attributes.total * 100), 0);
    expect(sumMinor).toBe(Math.round(Number(order.total) * 100));
    expect(res.body.data.attributes).toMatchObject({ external_id: 'erp-5', status: 'paid' });
  });

  it('lists a customer’s orders at its related link', async () => {
    const res = await call(api, `/api/v1/customers/${customerIds[2]}/orders`, { token });
    expect(res.status).toBe(200);
    expect(res.body.data.every((o: any) => o.attributes.customer_id === customerIds[2])).toBe(true);
    expect(res.body.data).toHaveLength(orders.filter((o) => o.customerId === customerIds[2]).length);
  });
});
