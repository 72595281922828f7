import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  // 40 customers: stages cycle through 5, every other one accepts marketing.
  await createCustomers(api.deps.db, shop, 40, (i) => ({ acceptsMarketing: i % 2 === 0, tags: i % 4 === 0 ? ['vip'] : [] }));
});

afterAll(async () => {
  await api.close();
});

const post = (path: string, body?: unknown, key?: string) =>
  call(api, path, { token, method: 'POST', ...(body !== undefined ? { body } : {}), ...(key ? { headers: { 'idempotency-key': key } } : {}) });

const createAudience = async (definition: unknown) => {
  const res = await post('/api/v1/segments', { data: { attributes: { name: 'Loyal', definition } } });
  expect(res.status).toBe(201);
  return res.body.data.id as string;
};

describe('segments', () => {
  it('saves a definition and counts the customers it selects now', async () => {
    const id = await createAudience({ lifecycle_stage: ['loyal'] });
    const res = await call(api, `/api/v1/segments/${id}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.data.attributes.definition).toEqual({ lifecycle_stage: ['loyal'] });
    // createCustomers cycles stages new, active, loyal, at_risk, churned: 8 of 40 are loyal,
    // and loyal ones sit at even indexes 2, 12, 22, 32 / odd 7, 17, 27, 37.
    expect(res.body.data.meta).toEqual({ customers_count: 8, marketable_count: 4 });
    const list = await call(api, '/api/v1/segments?filter[name]=Loyal', { token });
    expect(list.body.data.map((s: any) => s.id)).toContain(id);
  });
});

describe('campaigns', () => {
  it('creates a draft with the seeds’ flat body, lists and gets it', async () => {
    const audienceId = await createAudience({ tags_any: ['vip'] });
    const res = await post('/api/v1/campaigns', { name: 'Spring Sale', channel: 'email', subject: 'Spring is here', body: '<p>20% off</p>', audience_id: audienceId });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/campaigns/${res.body.data.id}`);
    expect(res.body.data).toMatchObject({
      type: 'campaign',
      attributes: { name: 'Spring Sale', status: 'draft', channel: 'email', audience_id: audienceId, recipients_count: null },
      relationships: { audience: { data: { type: 'segment', id: audienceId } } },
    });
    const list = await call(api, '/api/v1/campaigns?filter[status]=draft&fields=name,status', { token });
    expect(list.body.data.find((c: any) => c.id === res.body.data.id).attributes).toEqual({ name: 'Spring Sale', status: 'draft' });
    const one = await call(api, `/api/v1/campaigns/${res.body.data.id}`, { token });
    expect(one.body.data.attributes.name).toBe('Spring Sale');
  });

  it('launches now: sending, with the marketable audience counted at launch', async () => {
    const audienceId = await createAudience({ tags_any: ['vip'] });
    const created = await post('/api/v1/campaigns', { name: 'VIP', channel: 'sms', body: 'Hi', audience_id: audienceId });
    const launched = await post(`/api/v1/campaigns/${created.body.data.id}/launch`, undefined, 'launch-vip');
    expect(launched.status).toBe(200);
    // vip = every 4th customer (10 of 40), all at even indexes, so all accept marketing.
    expect(launched.body.data.attributes).toMatchObject({ status: 'sending', recipients_count: 10, launched_at: expect.any(String) });
    const replay = await post(`/api/v1/campaigns/${created.body.data.id}/launch`, undefined, 'launch-vip');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(launched.body);
  });

  it('schedules a launch for later and can cancel it', async () => {
    const audienceId = await createAudience({});
    const created = await post('/api/v1/campaigns', { name: 'Later', channel: 'whatsapp', body: 'Soon', audience_id: audienceId });
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await post(`/api/v1/campaigns/${created.body.data.id}/launch`, { data: { attributes: { scheduled_at: at } } });
    expect(scheduled.body.data.attributes).toMatchObject({ status: 'scheduled', scheduled_at: at, recipients_count: 20 });
    const cancelled = await post(`/api/v1/campaigns/${created.body.data.id}/cancel`);
    expect(cancelled.body.data.attributes).toMatchObject({ status: 'cancelled', cancelled_at: expect.any(String) });
  });
});
