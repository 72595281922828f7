import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let customerId: string;
const METRICS_TOKEN = 'metrics-scrape-token-0123456789';

beforeAll(async () => {
  api = await startTestApi({ METRICS_TOKEN });
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  customerId = (await createCustomers(api.deps.db, shop, 1))[0]!.id;
});

afterAll(async () => {
  await api?.close();
});

const scrape = async () => {
  const res = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};

describe('GET /metrics', () => {
  it('counts requests by route template (never the raw path) and status, with latency', async () => {
    await call(api, `/api/v1/customers/${customerId}`, { token });
    await call(api, '/api/v1/customers/cus_0000000000000000000000', { token });
    await call(api, '/api/v1/customers', {});
    const text = await scrape();
    expect(text).toMatch(/sumeru_http_requests_total\{method="GET",route="GET \/api\/v1\/customers\/\{id\}",status="200"\} 1/);
    expect(text).toMatch(/sumeru_http_requests_total\{method="GET",route="GET \/api\/v1\/customers\/\{id\}",status="404"\} 1/);
    expect(text).toMatch(/sumeru_http_requests_total\{method="GET",route="GET \/api\/v1\/customers",status="401"\} 1/);
    expect(text).toMatch(/sumeru_http_request_duration_seconds_bucket\{le="0.5",method="GET",route="GET \/api\/v1\/customers\/\{id\}",status="200"\}/);
    expect(text).not.toContain(customerId);
    expect(text).toContain('sumeru_process_cpu_user_seconds_total');
  });

  it('reports the job queue depth by task and state', async () => {
    await api.deps.db.execute(sql`select graphile_worker.add_job('dispatch_event', '{"shop_id":"x","event_id":"y"}'::json, run_at => now() + interval '1 hour')`);
    expect(await scrape()).toMatch(/sumeru_job_queue_jobs\{task="dispatch_event",state="scheduled"\} 1/);
  });

  it('needs the METRICS_TOKEN bearer when one is configured', async () => {
    expectEnvelope(await call(api, '/metrics'), 401, 'unauthenticated');
    expectEnvelope(await call(api, '/metrics', { headers: { authorization: 'Bearer wrong' } }), 401, 'unauthenticated');
  });
});
