import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let customerId: string;

beforeAll(async () => {
  api = await startTestApi({ JSON_BODY_LIMIT_BYTES: '2048' });
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  customerId = (await createCustomers(api.deps.db, shop, 30))[0]!.id;
});

afterAll(async () => {
  await api.close();
});

const field = async (path: string) => expectEnvelope(await call(api, path, { token }), 422, 'validation_failed').details.field;

describe('list parameters', () => {
  it('refuses a limit outside 1..100', async () => {
    expect(await field('/api/v1/customers?limit=0')).toBe('limit');
    expect(await field('/api/v1/customers?limit=101')).toBe('limit');
    expect(await field('/api/v1/customers?limit=ten')).toBe('limit');
  });

  it('names an undeclared filter, sort, field, include or parameter', async () => {
    expect(await field('/api/v1/customers?filter[password_hash]=x')).toBe('filter[password_hash]');
    expect(await field('/api/v1/customers?sort=-phone')).toBe('sort');
    expect(await field('/api/v1/customers?fields=email,secret')).toBe('fields');
    expect(await field('/api/v1/customers?include=payments')).toBe('include');
    expect(await field('/api/v1/customers?page=2')).toBe('page');
  });

  it('refuses malformed filter values and operators', async () => {
    expect(await field('/api/v1/customers?filter[total_spent][gte]=lots')).toBe('filter[total_spent][gte]');
    expect(await field('/api/v1/customers?filter[created_at][gte]=yesterday')).toBe('filter[created_at][gte]');
    expect(await field('/api/v1/customers?filter[total_spent][between]=1')).toBe('filter[total_spent][between]');
    expect(await field('/api/v1/customers?filter[lifecycle_stage]=vip')).toBe('filter[lifecycle_stage]');
    expect(await field('/api/v1/customers?filter[email][gte]=a')).toBe('filter[email]');
  });

  it('refuses a tampered cursor, and a cursor from another query', async () => {
    const page = await call(api, '/api/v1/customers?limit=5', { token });
    const cursor: string = page.body.pagination.next_cursor;
    const [body, mac] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ v: 1, k: ['2030-01-01T00:00:00.000Z', 'cus_x'] })).toString('base64url');
    expect(await field(`/api/v1/customers?cursor=${forged}.${mac}`)).toBe('cursor');
    expect(await field(`/api/v1/customers?cursor=${body}`)).toBe('cursor');
    expect(await field('/api/v1/customers?cursor=%%%')).toBe('cursor');
    expect(await field(`/api/v1/customers?cursor=${cursor}&sort=email`)).toBe('cursor');
    expect(await field(`/api/v1/customers?cursor=${cursor}&filter[lifecycle_stage]=loyal`)).toBe('cursor');
    const ok = await call(api, `/api/v1/customers?cursor=${cursor}&limit=7`, { token });
    expect(ok.status).toBe(200);
  });
});

describe('PATCH bodies', () => {
  const patch = (body: unknown) => call(api, `/api/v1/customers/${customerId}`, { token, method: 'PATCH', body });

  it('refuses read-only attributes by name', async () => {
    const error = expectEnvelope(await patch({ data: { attributes: { total_spent: 1 } } }), 422, 'validation_failed');
    expect(error.details.field).toBe('total_spent');
    expect(error.message).toMatch(/read-only/);
  });

  it('refuses unknown attributes by name', async () => {
    const error = expectEnvelope(await patch({ nickname: 'x' }), 422, 'validation_failed');
    expect(error.details.field).toBe('nickname');
  });

  it('names the invalid field', async () => {
    const error = expectEnvelope(await patch({ email: 'not-an-email' }), 422, 'validation_failed');
    expect(error.details.field).toBe('email');
    expect(expectEnvelope(await patch({ tags: 'vip' }), 422, 'validation_failed').details.field).toBe('tags');
    expect(expectEnvelope(await patch({ data: { attributes: {} } }), 422, 'validation_failed').details.field).toBe('data.attributes');
    expect(expectEnvelope(await patch({ data: [] }), 422, 'validation_failed').details.field).toBe('data');
  });

  it('answers 400 for malformed JSON and 415 for another media type', async () => {
    const bad = await call(api, `/api/v1/customers/${customerId}`, { token, method: 'PATCH', rawBody: '{"tags": [', headers: { 'content-type': 'application/json' } });
    expect(expectEnvelope(bad, 400, 'bad_request').message).not.toMatch(/Unexpected|position/);
    const form = await call(api, `/api/v1/customers/${customerId}`, { token, method: 'PATCH', rawBody: 'tags=vip', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectEnvelope(form, 415, 'unsupported_media_type');
  });

  it('answers 413 for a body over the limit and changes nothing', async () => {
    const big = await patch({ first_name: 'x'.repeat(5000) });
    expectEnvelope(big, 413, 'payload_too_large');
    const after = await call(api, `/api/v1/customers/${customerId}`, { token });
    expect(after.body.data.attributes.first_name).not.toMatch(/^x+$/);
  });
});

describe('routing', () => {
  it('answers unknown routes with 404 in the envelope', async () => {
    expectEnvelope(await call(api, '/api/v1/nothing-here', { token }), 404, 'not_found');
    expectEnvelope(await call(api, '/totally/else'), 404, 'not_found');
  });

  it('answers a known path with a wrong method with 405 and Allow', async () => {
    const res = await call(api, '/api/v1/customers', { token, method: 'DELETE' });
    expectEnvelope(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const one = await call(api, `/api/v1/customers/${customerId}`, { token, method: 'PUT', body: {} });
    expect(one.headers.get('allow')).toBe('GET, PATCH, HEAD');
  });

  it('answers an unknown id with 404', async () => {
    expectEnvelope(await call(api, '/api/v1/customers/cus_doesnotexist0000000000', { token }), 404, 'not_found');
    expectEnvelope(await call(api, '/api/v1/orders/ord_doesnotexist00000000000', { token }), 404, 'not_found');
    expectEnvelope(await call(api, '/api/v1/customers/cus_doesnotexist0000000000', { token, method: 'PATCH', body: { first_name: 'A' } }), 404, 'not_found');
  });
});
