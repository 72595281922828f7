import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';
import { failures, testEndpoints } from './helpers/test-endpoints';

let api: TestApi;
let token: string;
let shop: { agencyId: string; shopId: string };
let customerId: string;

beforeAll(async () => {
  api = await startTestApi({}, { extraEndpoints: testEndpoints });
  const tenant = await createTenant(api.deps.db, 1);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  customerId = (await createCustomers(api.deps.db, shop, 1))[0]!.id;
});

afterAll(async () => {
  await api.close();
});

const countByEmail = (email: string) =>
  withShop(api.deps.db, shop.shopId, async (tx) => (await tx.select().from(schema.customers).where(eq(schema.customers.email, email))).length);

const post = (key: string, body: unknown, t = token) =>
  call(api, '/api/v1/test-things', { token: t, method: 'POST', body, headers: { 'idempotency-key': key } });

describe('Idempotency-Key', () => {
  it('replays the original status and body without running the operation again', async () => {
    const first = await post('key-replay', { email: 'replay@example.test' });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const second = await post('key-replay', { email: 'replay@example.test' });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await countByEmail('replay@example.test')).toBe(1);
  });

  it('treats the same body with keys in another order as the same request', async () => {
    await post('key-order', { email: 'order@example.test', delay_ms: 0 });
    const again = await post('key-order', { delay_ms: 0, email: 'order@example.test' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('409 idempotency_conflict for the same key with a different request', async () => {
    await post('key-conflict', { email: 'a@example.test' });
    const error = expectEnvelope(await post('key-conflict', { email: 'b@example.test' }), 409, 'idempotency_conflict');
    expect(error.details.reason).toBe('different_request');
    const path = await call(api, `/api/v1/customers/${customerId}`, { token, method: 'PATCH', body: { email: 'a@example.test' }, headers: { 'idempotency-key': 'key-conflict' } });
    expectEnvelope(path, 409, 'idempotency_conflict');
    expect(await countByEmail('b@example.test')).toBe(0);
  });

  it('runs N concurrent identical requests exactly once; the others wait their turn as 409 in_progress or get the replay', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => post('key-race', { email: 'race@example.test', delay_ms: 300 })));
    const fresh = responses.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null);
    const inProgress = responses.filter((r) => r.status === 409);
    expect(fresh).toHaveLength(1);
    for (const r of inProgress) expect(expectEnvelope(r, 409, 'idempotency_conflict').details.reason).toBe('in_progress');
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await countByEmail('race@example.test')).toBe(1);
    const after = await post('key-race', { email: 'race@example.test', delay_ms: 300 });
    expect(after.headers.get('idempotent-replayed')).toBe('true');
  });

  it('does not store validation failures, so the key can be retried', async () => {
    expectEnvelope(await post('key-invalid', { email: 'not-an-email' }), 422, 'validation_failed');
    const retry = await post('key-invalid', { email: 'valid@example.test' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('does not store a 5xx, and rolls back its side effect', async () => {
    failures.remaining = 1;
    const failed = await post('key-5xx', { email: 'flaky@example.test', fail: true });
    expectEnvelope(failed, 500, 'internal_error');
    expect(await countByEmail('flaky@example.test')).toBe(0);
    const retry = await post('key-5xx', { email: 'flaky@example.test', fail: true });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await countByEmail('flaky@example.test')).toBe(1);
  });

  it('scopes keys to the token', async () => {
    const other = (await createToken(api.deps.db, shop)).token;
    await post('key-scoped', { email: 'scoped1@example.test' });
    const res = await post('key-scoped', { email: 'scoped2@example.test' }, other);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('forgets a key after 24 hours', async () => {
    await post('key-old', { email: 'old1@example.test' });
    await withShop(api.deps.db, shop.shopId, (tx) =>
      tx.update(schema.idempotencyKeys).set({ createdAt: sql`now() - interval '25 hours'` }).where(and(eq(schema.idempotencyKeys.key, 'key-old'))),
    );
    const res = await post('key-old', { email: 'old2@example.test' });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key longer than 255 characters, naming the header', async () => {
    const error = expectEnvelope(await post('k'.repeat(256), { email: 'long@example.test' }), 422, 'validation_failed');
    expect(error.details.field).toBe('Idempotency-Key');
  });

  it('makes PATCH idempotent as well', async () => {
    const body = { tags: ['idem'] };
    const first = await call(api, `/api/v1/customers/${customerId}`, { token, method: 'PATCH', body, headers: { 'idempotency-key': 'patch-1' } });
    await withShop(api.deps.db, shop.shopId, (tx) => tx.update(schema.customers).set({ tags: ['changed-elsewhere'] }).where(eq(schema.customers.id, customerId)));
    const replay = await call(api, `/api/v1/customers/${customerId}`, { token, method: 'PATCH', body, headers: { 'idempotency-key': 'patch-1' } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const now = await call(api, `/api/v1/customers/${customerId}`, { token });
    expect(now.body.data.attributes.tags).toEqual(['changed-elsewhere']);
  });
});

describe('internal errors', () => {
  it('answer 500 with no stack trace, path or SQL, and log the cause with the request id', async () => {
    for (const path of ['/api/v1/test-broken-sql', '/api/v1/test-throw']) {
      const res = await call(api, path, { token });
      const error = expectEnvelope(res, 500, 'internal_error');
      expect(res.text).not.toMatch(/operators_secret_table|select|password|\/srv|\.ts|at \w+/i);
      expect(error.details).toEqual({});
      const logged = api.logs.find((l) => l.request_id === error.request_id && l.msg === 'unhandled error');
      if (!logged) console.log(JSON.stringify(api.logs.slice(-3)));
      expect(logged).toBeDefined();
    }
  });
});
