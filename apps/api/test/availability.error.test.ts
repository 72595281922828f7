import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';
import { testEndpoints } from './helpers/test-endpoints';

describe('409 conflict', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({}, { extraEndpoints: testEndpoints });
  });
  afterAll(async () => {
    await api.close();
  });

  it('reaches the client in the envelope with its details', async () => {
    const tenant = await createTenant(api.deps.db, 1);
    const { token } = await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! });
    const error = expectEnvelope(await call(api, '/api/v1/test-conflict', { token, method: 'POST' }), 409, 'conflict');
    expect(error.details).toEqual({ state: 'sent', transition: 'launch' });
  });
});

describe('when the database goes away', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi({ TOKEN_CACHE_MS: '1000' });
    const tenant = await createTenant(api.deps.db, 1);
    token = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! })).token;
    expect((await call(api, '/api/v1/customers', { token })).status).toBe(200);
    await api.database.drop();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('/readyz answers 503 service_unavailable while /healthz stays up', async () => {
    const ready = await call(api, '/readyz');
    const error = expectEnvelope(ready, 503, 'service_unavailable');
    expect(error.details).toMatchObject({ checks: { database: 'unavailable' } });
    expect((await call(api, '/healthz')).status).toBe(200);
  });

  it('API requests answer 503 with Retry-After, not 500, and leak nothing', async () => {
    const res = await call(api, '/api/v1/customers', { token });
    expectEnvelope(res, 503, 'service_unavailable');
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.text).not.toMatch(/sumeru_test_|terminat|postgres/i);
  });
});
