import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let otherToken: string;
let audienceId: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  token = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! })).token;
  otherToken = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! })).token;
  audienceId = (await call(api, '/api/v1/segments', { token, method: 'POST', body: { name: 'All', definition: {} } })).body.data.id;
});

afterAll(async () => {
  await api.close();
});

const create = (body: unknown, t = token) => call(api, '/api/v1/campaigns', { token: t, method: 'POST', body });

describe('campaign creation', () => {
  it('requires audience_id, naming it', async () => {
    const error = expectEnvelope(await create({ name: 'No audience', channel: 'sms', body: 'x' }), 422, 'validation_failed');
    expect(error.details.field).toBe('audience_id');
    expect(error.message).toMatch(/audience_id required/);
  });

  it('refuses an audience that is not a segment of this shop', async () => {
    expect(expectEnvelope(await create({ name: 'x', channel: 'sms', body: 'x', audience_id: 'seg_nope' }), 422, 'validation_failed').details.field).toBe('audience_id');
    const foreign = await create({ name: 'x', channel: 'sms', body: 'x', audience_id: audienceId }, otherToken);
    expect(expectEnvelope(foreign, 422, 'validation_failed').details.field).toBe('audience_id');
  });

  it('names invalid and read-only attributes', async () => {
    expect(expectEnvelope(await create({ name: 'x', channel: 'fax', body: 'x', audience_id: audienceId }), 422, 'validation_failed').details.field).toBe('channel');
    expect(expectEnvelope(await create({ name: 'x', channel: 'email', body: 'x', audience_id: audienceId }), 422, 'validation_failed').details.field).toBe('subject');
    expect(expectEnvelope(await create({ name: 'x', channel: 'sms', body: 'x', audience_id: audienceId, status: 'sent' }), 422, 'validation_failed').details.field).toBe('status');
  });

  it('refuses a segment definition with unknown conditions', async () => {
    const res = await call(api, '/api/v1/segments', { token, method: 'POST', body: { name: 'x', definition: { favourite_colour: 'red' } } });
    expect(expectEnvelope(res, 422, 'validation_failed').details.field).toMatch(/^definition/);
  });
});

describe('the launch state machine', () => {
  it('409 conflict when launching a campaign that is not a draft', async () => {
    const id = (await create({ name: 'Once', channel: 'sms', body: 'x', audience_id: audienceId })).body.data.id;
    expect((await call(api, `/api/v1/campaigns/${id}/launch`, { token, method: 'POST' })).status).toBe(200);
    const again = expectEnvelope(await call(api, `/api/v1/campaigns/${id}/launch`, { token, method: 'POST' }), 409, 'conflict');
    expect(again.details).toEqual({ status: 'sending', action: 'launch' });
    await call(api, `/api/v1/campaigns/${id}/cancel`, { token, method: 'POST' });
    expectEnvelope(await call(api, `/api/v1/campaigns/${id}/cancel`, { token, method: 'POST' }), 409, 'conflict');
  });

  it('lets exactly one of several concurrent launches (different keys) through', async () => {
    const id = (await create({ name: 'Race', channel: 'sms', body: 'x', audience_id: audienceId })).body.data.id;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call(api, `/api/v1/campaigns/${id}/launch`, { token, method: 'POST', headers: { 'idempotency-key': `race-${i}` } })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
  });

  it('refuses a malformed scheduled_at, and unknown launch options', async () => {
    const id = (await create({ name: 'Bad', channel: 'sms', body: 'x', audience_id: audienceId })).body.data.id;
    expect(expectEnvelope(await call(api, `/api/v1/campaigns/${id}/launch`, { token, method: 'POST', body: { scheduled_at: 'tomorrow' } }), 422, 'validation_failed').details.field).toBe('scheduled_at');
    expect(expectEnvelope(await call(api, `/api/v1/campaigns/${id}/launch`, { token, method: 'POST', body: { speed: 'fast' } }), 422, 'validation_failed').details.field).toBe('speed');
    const still = await call(api, `/api/v1/campaigns/${id}`, { token });
    expect(still.body.data.attributes.status).toBe('draft');
  });

  it('404 for another shop’s campaign', async () => {
    const id = (await create({ name: 'Mine', channel: 'sms', body: 'x', audience_id: audienceId })).body.data.id;
    expectEnvelope(await call(api, `/api/v1/campaigns/${id}/launch`, { token: otherToken, method: 'POST' }), 404, 'not_found');
    expectEnvelope(await call(api, `/api/v1/campaigns/${id}`, { token: otherToken }), 404, 'not_found');
  });
});
