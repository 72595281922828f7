import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { createTenant, createToken } from '@sumeru/testing';
import { call, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let shop: { agencyId: string; shopId: string };

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_TIERS: '{"free":{"limit":5}}' });
  const tenant = await createTenant(api.deps.db, 1);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
});

afterAll(async () => {
  await api.close();
});

const storedRows = (tokenId: string) =>
  withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.usageCounters).where(eq(schema.usageCounters.tokenId, tokenId)));

describe('GET /api/v1/usage', () => {
  it('counts this token’s and this shop’s requests today and this month, with the tier', async () => {
    const a = await createToken(api.deps.db, shop, { scopes: ['customers:read'], tier: 'pro' });
    const b = await createToken(api.deps.db, shop, { scopes: ['orders:read'], tier: 'pro' });
    for (let i = 0; i < 3; i++) await call(api, '/api/v1/customers', { token: a.token });
    await call(api, '/api/v1/orders', { token: a.token }); // 403: counted as an error
    for (let i = 0; i < 2; i++) await call(api, '/api/v1/orders', { token: b.token });

    // Nothing is written on the request path: the counts are still in memory.
    expect(await storedRows(a.id)).toEqual([]);

    const usage = await call(api, '/api/v1/usage', { token: a.token });
    expect(usage.status).toBe(200);
    const attrs = usage.body.data.attributes;
    expect(usage.body.data.type).toBe('usage');
    expect(attrs.token).toMatchObject({ id: a.id, today: { requests: 4, errors: 1, rate_limited: 0 }, this_month: { requests: 4 } });
    expect(attrs.shop.today.requests).toBe(6);
    expect(attrs.tier).toEqual({ name: 'pro', limit: 600, window_seconds: 60 });
    expect(attrs.rate_limit.limit).toBe(600);
    expect(attrs.rate_limit.remaining).toBe(600 - 5);
    expect(attrs.period.today).toBe(new Date().toISOString().slice(0, 10));

    // After a flush the same numbers come from the database (the usage call itself now counts too).
    await api.deps.usage.flush();
    const rows = await storedRows(a.id);
    expect(rows.reduce((n, r) => n + r.requests, 0)).toBe(5);
    expect(rows.find((r) => r.route === 'GET /api/v1/customers')).toMatchObject({ requests: 3, errors: 0 });
    const again = await call(api, '/api/v1/usage', { token: a.token });
    expect(again.body.data.attributes.token.today.requests).toBe(5);
    const today = new Date().toISOString().slice(0, 10);
    expect(again.body.data.attributes.by_day).toEqual([{ day: today, requests: 7, errors: 1, rate_limited: 0 }]);
    expect(again.body.data.attributes.by_route).toEqual([
      { route: 'GET /api/v1/customers', requests: 3, errors: 0, rate_limited: 0 },
      { route: 'GET /api/v1/orders', requests: 3, errors: 1, rate_limited: 0 },
      { route: 'GET /api/v1/usage', requests: 1, errors: 0, rate_limited: 0 },
    ]);
  });

  it('counts 429s separately and records the token’s last use', async () => {
    const token = await createToken(api.deps.db, shop, { tier: 'free' });
    for (let i = 0; i < 7; i++) await call(api, '/api/v1/customers', { token: token.token });
    await api.deps.usage.flush();
    const [row] = await storedRows(token.id);
    expect(row).toMatchObject({ requests: 7, rateLimited: 2, errors: 0 });
    const [stored] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.apiTokens).where(eq(schema.apiTokens.id, token.id)));
    expect(stored!.lastUsedAt).toBeInstanceOf(Date);
    expect(Date.now() - stored!.lastUsedAt!.getTime()).toBeLessThan(60_000);
  });

  it('loses nothing on a clean shutdown', async () => {
    const second = await startTestApi({}, { database: api.database });
    const token = await createToken(second.deps.db, shop);
    for (let i = 0; i < 9; i++) await call(second, '/api/v1/customers?limit=1', { token: token.token });
    await second.stop();
    const rows = await withShop(api.deps.db, shop.shopId, (tx) =>
      tx.select().from(schema.usageCounters).where(and(eq(schema.usageCounters.tokenId, token.id))),
    );
    expect(rows.reduce((n, r) => n + r.requests, 0)).toBe(9);
  });
});

describe('logs', () => {
  it('carry the request id on every line of a request, with tenant and token, never the secret', async () => {
    const token = await createToken(api.deps.db, shop);
    const res = await call(api, '/api/v1/customers?limit=1', { token: token.token });
    const requestId = res.headers.get('x-request-id');
    const lines = api.logs.filter((l) => l.request_id === requestId);
    expect(lines.length).toBeGreaterThan(0);
    const access = lines.find((l) => (l.res as { status?: number } | undefined)?.status === 200);
    expect(access).toMatchObject({ shop_id: shop.shopId, token_id: token.id, route: 'GET /api/v1/customers' });
    expect(JSON.stringify(api.logs)).not.toContain(token.token);
  });
});
