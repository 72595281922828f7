import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let customer: { id: string; externalId: string };

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  const [row] = await createCustomers(api.deps.db, shop, 1, () => ({ externalId: 'erp-c1', totalSpent: '0', ordersCount: 0, lastOrderAt: null }));
  customer = { id: row!.id, externalId: 'erp-c1' };
});

afterAll(async () => {
  await api.close();
});

const order = (externalId: string, extra: Record<string, unknown> = {}) => ({
  external_id: externalId, number: `#${externalId}`, currency: 'EUR', placed_at: '2026-05-03T10:00:00Z', customer_external_id: customer.externalId,
  line_items: [{ sku: 'A-1', title: 'Trail shoe', quantity: 2, unit_price: 49.95 }, { title: 'Socks', quantity: 3, unit_price: 0.1 }],
  ...extra,
});

describe('POST /api/v1/orders/bulk', () => {
  it('imports orders with exact totals, links the customer and updates their totals', async () => {
    const res = await call(api, '/api/v1/orders/bulk', {
      token, method: 'POST',
      body: { data: [order('o1', { shipping_total: 4.9 }), order('o2', { customer_external_id: 'nobody' }), order('o3', { line_items: [] }), order('o4', { discount_total: 1000 })] },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ sent_count: 1, rejected_count: 3 });
    expect(res.body.data.rejected_items.map((r: any) => [r.index, r.errors[0].field])).toEqual([[1, 'customer_external_id'], [2, 'line_items'], [3, 'discount_total']]);
    const [o1] = (await call(api, '/api/v1/orders?filter[external_id]=o1&include=line_items', { token })).body.data;
    // 2 × 49.95 + 3 × 0.10 = 100.20; + 4.90 shipping = 105.10, with no float drift.
    expect(o1.attributes).toMatchObject({ subtotal: 100.2, shipping_total: 4.9, total: 105.1, customer_id: customer.id, status: 'paid' });
    const c = (await call(api, `/api/v1/customers/${customer.id}`, { token })).body.data.attributes;
    expect(c).toMatchObject({ orders_count: 1, total_spent: 105.1, last_order_at: '2026-05-03T10:00:00.000Z' });
  });

  it('updates an existing order by external_id, replacing its lines, and keeps customer totals right', async () => {
    await call(api, '/api/v1/orders/bulk', { token, method: 'POST', body: { data: [order('o1', { status: 'cancelled', line_items: [{ title: 'Cap', quantity: 1, unit_price: 20 }] })] } });
    const list = (await call(api, '/api/v1/orders?filter[external_id]=o1&include=line_items', { token })).body;
    expect(list.data).toHaveLength(1);
    expect(list.data[0].attributes).toMatchObject({ status: 'cancelled', total: 20 });
    expect(list.included.map((i: any) => i.attributes.title)).toEqual(['Cap']);
    const c = (await call(api, `/api/v1/customers/${customer.id}`, { token })).body.data.attributes;
    expect(c).toMatchObject({ orders_count: 0, total_spent: 0, last_order_at: null });
  });

  it('refuses a body that is not 1 to 1,000 orders', async () => {
    expect(expectEnvelope(await call(api, '/api/v1/orders/bulk', { token, method: 'POST', body: { data: {} } }), 422, 'validation_failed').details.field).toBe('data');
  });
});
