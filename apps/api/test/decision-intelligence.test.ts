import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let byName: Record<string, string>;

const ago = (days: number) => new Date(Date.now() - days * 86_400_000);

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  // Every customer starts as `new`; the run must move them by their order history.
  const facts = [
    { name: 'big', lastOrderAt: ago(3), ordersCount: 20, totalSpent: '5000.00' },
    { name: 'gone', lastOrderAt: ago(500), ordersCount: 3, totalSpent: '200.00' },
    { name: 'fading', lastOrderAt: ago(200), ordersCount: 8, totalSpent: '900.00' },
    { name: 'steady', lastOrderAt: ago(40), ordersCount: 4, totalSpent: '400.00' },
    { name: 'fresh', lastOrderAt: ago(2), ordersCount: 1, totalSpent: '30.00' },
    { name: 'never', lastOrderAt: null, ordersCount: 0, totalSpent: '0.00' },
  ];
  const rows = await createCustomers(api.deps.db, shop, facts.length, (i) => ({ ...facts[i]!, lifecycleStage: 'new', email: `${facts[i]!.name}@example.test` }));
  byName = Object.fromEntries(rows.map((r, i) => [facts[i]!.name, r.id]));
});

afterAll(async () => {
  await api.close();
});

describe('decision-intelligence runs', () => {
  it('scores every customer by RFM, updates lifecycle stages and recommends actions', async () => {
    const res = await call(api, '/api/v1/decision-intelligence/runs', { token, method: 'POST' });
    expect(res.status).toBe(201);
    const run = res.body.data;
    expect(run).toMatchObject({ type: 'decision_run', attributes: { status: 'succeeded', trigger: 'api', kind: 'rfm', customers_scored: 6 } });
    expect(run.attributes.stage_counts).toEqual({ new: 2, active: 1, loyal: 1, at_risk: 1, churned: 1 });
    expect(run.attributes.stage_changes).toBe(4);
    const stage = async (name: string) => (await call(api, `/api/v1/customers/${byName[name]}`, { token })).body.data.attributes.lifecycle_stage;
    expect(await stage('big')).toBe('loyal');
    expect(await stage('gone')).toBe('churned');
    expect(await stage('fading')).toBe('at_risk');
    expect(await stage('steady')).toBe('active');
    const winBack = run.attributes.recommendations.find((r: any) => r.action === 'win_back_campaign');
    expect(winBack).toMatchObject({ stage: 'at_risk', customers_count: 1, customer_ids: [byName.fading] });

    const again = await call(api, '/api/v1/decision-intelligence/runs', { token, method: 'POST' });
    expect(again.body.data.attributes.stage_changes).toBe(0);

    const list = await call(api, '/api/v1/decision-intelligence/runs?filter[status]=succeeded', { token });
    expect(list.body.data.map((r: any) => r.id)).toEqual([again.body.data.id, run.id]);
    const one = await call(api, `/api/v1/decision-intelligence/runs/${run.id}`, { token });
    expect(one.body.data.attributes.recommendations).toEqual(run.attributes.recommendations);
  });

  it('refuses unknown run kinds and unknown ids', async () => {
    expectEnvelope(await call(api, '/api/v1/decision-intelligence/runs', { token, method: 'POST', body: { kind: 'astrology' } }), 422, 'validation_failed');
    expectEnvelope(await call(api, '/api/v1/decision-intelligence/runs/run_nope', { token }), 404, 'not_found');
  });
});
