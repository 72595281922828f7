import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let definition: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 1);
  token = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! })).token;
  const res = await call(api, '/api/v1/custom-data-definitions/bulk', {
    token, method: 'POST',
    body: { data: [{ external_id: 'loyalty', key: 'loyalty_card', name: 'Loyalty card', fields: [{ name: 'points', type: 'integer', required: true }, { name: 'tier', type: 'string' }, { name: 'since', type: 'date' }] }] },
  });
  definition = res.body.data.items[0].id;
});

afterAll(async () => {
  await api.close();
});

describe('custom data records', () => {
  it('validates each record against its definition and upserts by external_id', async () => {
    const base = `/api/v1/custom-data-definitions/${definition}/records`;
    const res = await call(api, `${base}/bulk`, {
      token, method: 'POST',
      body: { data: [
        { external_id: 'card-1', customer_external_id: 'erp-1', data: { points: 120, tier: 'gold', since: '2024-03-01' } },
        { external_id: 'card-2', data: { tier: 'silver' } },
        { external_id: 'card-3', data: { points: 5, colour: 'red' } },
        { external_id: 'card-4', data: { points: 1.5 } },
      ] },
    });
    expect(res.body.data).toMatchObject({ sent_count: 1, rejected_count: 3 });
    expect(res.body.data.rejected_items.map((r: any) => [r.index, r.errors[0].field])).toEqual([[1, 'data.points'], [2, 'data.colour'], [3, 'data.points']]);
    await call(api, `${base}/bulk`, { token, method: 'POST', body: { data: [{ external_id: 'card-1', data: { points: 150 } }] } });
    const list = await call(api, base, { token });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].attributes).toMatchObject({ external_id: 'card-1', data: { points: 150 } });
    const id = list.body.data[0].id;
    expect((await call(api, `${base}/${id}`, { token, method: 'DELETE' })).status).toBe(204);
    expect((await call(api, `${base}/${id}`, { token, method: 'DELETE' })).status).toBe(204);
    expect((await call(api, base, { token })).body.data).toEqual([]);
  });

  it('404 for an unknown definition', async () => {
    expectEnvelope(await call(api, '/api/v1/custom-data-definitions/cdd_nope/records', { token }), 404, 'not_found');
  });
});
