import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let otherToken: string;
let customerIds: string[];
let foreignCustomerId: string;

const welcome = {
  name: 'Welcome series',
  trigger: { type: 'event', event: 'customer.created' },
  steps: [
    { type: 'send', channel: 'email', subject: 'Welcome', body: 'Hi' },
    { type: 'wait', hours: 72 },
    { type: 'send', channel: 'sms', body: '10% off' },
  ],
};

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  const other = { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! };
  token = (await createToken(api.deps.db, shop)).token;
  otherToken = (await createToken(api.deps.db, other)).token;
  customerIds = (await createCustomers(api.deps.db, shop, 3)).map((c) => c.id);
  foreignCustomerId = (await createCustomers(api.deps.db, other, 1))[0]!.id;
});

afterAll(async () => {
  await api.close();
});

const post = (path: string, body: unknown, t = token) => call(api, path, { token: t, method: 'POST', body });

describe('journeys', () => {
  it('creates with a validated trigger and steps, lists and gets', async () => {
    const res = await post('/api/v1/journeys', { data: { attributes: welcome } });
    expect(res.status).toBe(201);
    expect(res.body.data.attributes).toMatchObject({ name: 'Welcome series', status: 'active', trigger: welcome.trigger, steps: welcome.steps });
    const list = await call(api, '/api/v1/journeys?filter[status]=active', { token });
    expect(list.body.data.map((j: any) => j.id)).toContain(res.body.data.id);
    expect((await call(api, `/api/v1/journeys/${res.body.data.id}`, { token })).status).toBe(200);
    expectEnvelope(await call(api, `/api/v1/journeys/${res.body.data.id}`, { token: otherToken }), 404, 'not_found');
  });

  it('names what is wrong in a trigger or a step', async () => {
    const noSubject = await post('/api/v1/journeys', { ...welcome, steps: [{ type: 'send', channel: 'email', body: 'x' }] });
    expect(expectEnvelope(noSubject, 422, 'validation_failed').details.field).toBe('steps.0.subject');
    const badEvent = await post('/api/v1/journeys', { ...welcome, trigger: { type: 'event', event: 'moon_phase' } });
    expect(expectEnvelope(badEvent, 422, 'validation_failed').details.field).toMatch(/^trigger/);
    const badSegment = await post('/api/v1/journeys', { ...welcome, trigger: { type: 'segment_entry', segment_id: 'seg_unknown' } });
    expect(expectEnvelope(badSegment, 422, 'validation_failed').details.field).toBe('trigger.segment_id');
    expect(expectEnvelope(await post('/api/v1/journeys', { name: 'x', steps: welcome.steps }), 422, 'validation_failed').details.field).toBe('trigger');
  });
});

describe('enrollments', () => {
  it('enrolls customers once at a time and lists them with filter[status]', async () => {
    const journey = (await post('/api/v1/journeys', welcome)).body.data.id;
    for (const id of customerIds) expect((await post(`/api/v1/journeys/${journey}/enrollments`, { customer_id: id })).status).toBe(201);
    const twice = await post(`/api/v1/journeys/${journey}/enrollments`, { customer_id: customerIds[0] });
    expect(expectEnvelope(twice, 409, 'conflict').details).toEqual({ customer_id: customerIds[0] });

    const active = await call(api, `/api/v1/journeys/${journey}/enrollments?filter[status]=active&limit=2`, { token });
    expect(active.status).toBe(200);
    expect(active.body.data).toHaveLength(2);
    expect(active.body.data[0]).toMatchObject({ type: 'enrollment', attributes: { journey_id: journey, status: 'active', current_step: 0 } });
    const next = await call(api, `/api/v1/journeys/${journey}/enrollments?filter[status]=active&limit=2&cursor=${active.body.pagination.next_cursor}`, { token });
    expect(next.body.data).toHaveLength(1);
    const none = await call(api, `/api/v1/journeys/${journey}/enrollments?filter[status]=completed`, { token });
    expect(none.body.data).toEqual([]);
    expectEnvelope(await call(api, `/api/v1/journeys/${journey}/enrollments?filter[status]=sleeping`, { token }), 422, 'validation_failed');
  });

  it('refuses another shop’s customer, unknown fields, and draft journeys', async () => {
    const journey = (await post('/api/v1/journeys', welcome)).body.data.id;
    expect(expectEnvelope(await post(`/api/v1/journeys/${journey}/enrollments`, { customer_id: foreignCustomerId }), 422, 'validation_failed').details.field).toBe('customer_id');
    const unknown = expectEnvelope(await post(`/api/v1/journeys/${journey}/enrollments`, { customer: 'x' }), 422, 'validation_failed');
    expect((unknown.details.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['customer', 'customer_id']);
    const draft = (await post('/api/v1/journeys', { ...welcome, status: 'draft' })).body.data.id;
    expectEnvelope(await post(`/api/v1/journeys/${draft}/enrollments`, { customer_id: customerIds[0] }), 409, 'conflict');
  });
});
