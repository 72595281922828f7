import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createToken } from '@sumeru/testing';
import { call, startTestApi, type TestApi } from './helpers/test-api';

describe('/healthz and /readyz', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('report the process up and the database reachable', async () => {
    const health = await call(api, '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await call(api, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', checks: { database: 'ok', redis: 'not_configured', rate_limiter: { backend: 'memory', status: 'ok' } } });
  });
});

describe('when Redis is unreachable', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_TIERS: '{"free":{"limit":2}}' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('keeps serving and limiting on the local fallback, and /readyz says degraded', async () => {
    const tenant = await createTenant(api.deps.db, 1);
    const { token } = await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! }, { tier: 'free' });
    const started = Date.now();
    const first = await call(api, '/api/v1/customers', { token });
    expect(first.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    await call(api, '/api/v1/customers', { token });
    expect((await call(api, '/api/v1/customers', { token })).status).toBe(429);
    const ready = await call(api, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.checks).toMatchObject({ database: 'ok', redis: 'degraded', rate_limiter: { backend: 'redis', status: 'degraded' } });
    expect(api.logs.some((l) => String(l.msg).includes('local fallback'))).toBe(true);
  });
});

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('REDIS_URL is not set: the shared Redis rate-limit tests of apps/api were not run');

describe.skipIf(!redisUrl)('with Redis (needs REDIS_URL)', () => {
  let one: TestApi;
  let two: TestApi;
  beforeAll(async () => {
    one = await startTestApi({ REDIS_URL: redisUrl!, RATE_LIMIT_TIERS: '{"free":{"limit":4}}' });
    two = await startTestApi({ REDIS_URL: redisUrl!, RATE_LIMIT_TIERS: '{"free":{"limit":4}}' }, { database: one.database });
  });
  afterAll(async () => {
    await two.stop();
    await one.close();
  });

  it('shares one token’s limit across replicas and reports ready', async () => {
    const tenant = await createTenant(one.deps.db, 1);
    const { token } = await createToken(one.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! }, { tier: 'free' });
    // The first call may land before the client has connected; wait until Redis is in use.
    for (let i = 0; i < 50 && one.deps.limiter.health().status !== 'ok'; i++) await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 50 && two.deps.limiter.health().status !== 'ok'; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await call(one, '/api/v1/customers', { token })).status).toBe(200);
    expect((await call(two, '/api/v1/customers', { token })).status).toBe(200);
    expect((await call(one, '/api/v1/customers', { token })).status).toBe(200);
    const fourth = await call(two, '/api/v1/customers', { token });
    expect(fourth.status).toBe(200);
    expect(fourth.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await call(one, '/api/v1/customers', { token })).status).toBe(429);
    const ready = await call(one, '/readyz');
    expect(ready.body).toMatchObject({ status: 'ok', checks: { redis: 'ok' } });
  });
});
