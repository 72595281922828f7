import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret } from '@sumeru/auth';
import { schema, withShop } from '@sumeru/db';
import { createTenant } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';
import { createProduct, createPublishableKey, type Shop } from './helpers/storefront-fixtures';

let api: TestApi;
let shop: Shop;
let other: Shop;
let openKey: string;
let lockedKey: string;
let productId: string;

const ALLOWED = 'https://shop.example';
const EVIL = 'https://evil.example';

beforeAll(async () => {
  api = await startTestApi({ TOKEN_CACHE_MS: '0' });
  const tenant = await createTenant(api.deps.db, 2);
  [shop, other] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId })) as [Shop, Shop];
  openKey = (await createPublishableKey(api.deps.db, shop)).key;
  lockedKey = (await createPublishableKey(api.deps.db, shop, [ALLOWED])).key;
  await createPublishableKey(api.deps.db, other, ['https://other.example']);
  productId = await createProduct(api.deps.db, shop);
});

afterAll(async () => {
  await api.close();
});

const reviewsPath = () => `/api/public/products/${productId}/reviews`;
const preflight = (path: string, origin: string, headers: Record<string, string> = {}) =>
  call(api, path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', ...headers } });

describe('CORS preflight', () => {
  it('answers an allowed origin naming its key in the URL: the origin echoed, never credentials', async () => {
    const res = await preflight(`/api/public/reviews?key=${lockedKey}`, ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-sumeru-key');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('answers an allow-listed origin naming the shop with ?shop=', async () => {
    const res = await preflight(`/api/public/reviews?shop=${shop.shopId}`, ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('refuses any other origin, an origin allowed only for another shop, and a preflight naming no shop', async () => {
    for (const res of [
      await preflight(`/api/public/reviews?key=${lockedKey}`, EVIL),
      await preflight(`/api/public/reviews?shop=${shop.shopId}`, EVIL),
      await preflight(`/api/public/reviews?shop=${shop.shopId}`, 'https://other.example'),
      await preflight('/api/public/reviews', ALLOWED),
      await preflight(`/api/public/reviews?shop=${other.shopId}`, ALLOWED),
    ]) {
      expectEnvelope(res, 403, 'forbidden');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('lets a key with an empty allow-list be used from any origin', async () => {
    const res = await preflight(`/api/public/reviews?key=${openKey}`, EVIL);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(EVIL);
  });
});

describe('authentication', () => {
  it('accepts the key in the X-Sumeru-Key header or the key query parameter', async () => {
    const byHeader = await call(api, reviewsPath(), { headers: { 'x-sumeru-key': openKey } });
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get('access-control-allow-origin')).toBeNull();
    const byQuery = await call(api, `${reviewsPath()}?key=${openKey}`);
    expect(byQuery.status).toBe(200);
    expect(byQuery.body).toEqual(byHeader.body);
    // The access log keeps the route, not the key.
    const logged = api.logs.filter((l) => JSON.stringify(l).includes(byQuery.headers.get('x-request-id')!));
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain(openKey);
    expect(JSON.stringify(logged)).toContain('key=[redacted]');
  });

  it('accepts an allow-listed Origin without a key, and marks the response readable by it', async () => {
    const res = await call(api, `${reviewsPath()}?shop=${shop.shopId}`, { headers: { origin: ALLOWED } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses a disallowed origin without a key (401), and a key used from an origin off its allow-list (403)', async () => {
    const noKey = await call(api, `${reviewsPath()}?shop=${shop.shopId}`, { headers: { origin: EVIL } });
    expectEnvelope(noKey, 401, 'unauthenticated');
    expect(noKey.headers.get('access-control-allow-origin')).toBeNull();
    const offList = await call(api, reviewsPath(), { headers: { 'x-sumeru-key': lockedKey, origin: EVIL } });
    expectEnvelope(offList, 403, 'forbidden');
    expect(offList.headers.get('access-control-allow-origin')).toBeNull();
    const onList = await call(api, reviewsPath(), { headers: { 'x-sumeru-key': lockedKey, origin: ALLOWED } });
    expect(onList.status).toBe(200);
  });

  it('refuses no credentials, a malformed key, an unknown key, an admin token and a revoked key with 401', async () => {
    expectEnvelope(await call(api, reviewsPath()), 401, 'unauthenticated');
    expectEnvelope(await call(api, reviewsPath(), { headers: { 'x-sumeru-key': 'pk_live_nope' } }), 401, 'unauthenticated');
    expectEnvelope(await call(api, reviewsPath(), { headers: { 'x-sumeru-key': generateSecret('publishable_key').secret } }), 401, 'unauthenticated');
    expectEnvelope(await call(api, reviewsPath(), { headers: { 'x-sumeru-key': generateSecret('admin_token').secret } }), 401, 'unauthenticated');
    const revoked = await createPublishableKey(api.deps.db, shop);
    expect((await call(api, reviewsPath(), { headers: { 'x-sumeru-key': revoked.key } })).status).toBe(200);
    await withShop(api.deps.db, shop.shopId, (tx) => tx.update(schema.publishableKeys).set({ revokedAt: new Date() }));
    expectEnvelope(await call(api, reviewsPath(), { headers: { 'x-sumeru-key': revoked.key } }), 401, 'unauthenticated');
    await withShop(api.deps.db, shop.shopId, (tx) => tx.update(schema.publishableKeys).set({ revokedAt: null }));
  });

  it('never lets a publishable key into /api/v1, as a bearer token or in the storefront header', async () => {
    const bearer = expectEnvelope(await call(api, '/api/v1/customers', { token: openKey }), 401, 'unauthenticated');
    expect(bearer.message).toMatch(/public/);
    expectEnvelope(await call(api, '/api/v1/reviews', { headers: { 'x-sumeru-key': openKey } }), 401, 'unauthenticated');
    expectEnvelope(await call(api, `/api/v1/reviews?key=${openKey}`), 401, 'unauthenticated');
  });

  it('answers another shop’s product as not found', async () => {
    const theirs = await createProduct(api.deps.db, other);
    expectEnvelope(await call(api, `/api/public/products/${theirs}/reviews`, { headers: { 'x-sumeru-key': openKey } }), 404, 'not_found');
  });
});

describe('requests', () => {
  it('caps body size (413), wants JSON (415, 400), validates strictly (422) and refuses other methods (405)', async () => {
    const headers = { 'x-sumeru-key': openKey };
    const big = { product_id: productId, rating: 5, body: 'x'.repeat(20_000), author_name: 'A', author_email: 'a@example.test' };
    expectEnvelope(await call(api, '/api/public/reviews', { method: 'POST', headers, body: big }), 413, 'payload_too_large');
    expectEnvelope(await call(api, '/api/public/reviews', { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, rawBody: '{}' }), 415, 'unsupported_media_type');
    expectEnvelope(await call(api, '/api/public/reviews', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, rawBody: '{"rating":' }), 400, 'bad_request');
    const extra = expectEnvelope(await call(api, '/api/public/reviews', { method: 'POST', headers, body: { product_id: productId, rating: 5, body: 'b', author_name: 'A', author_email: 'a@example.test', status: 'approved' } }), 422, 'validation_failed');
    expect(extra.details.field).toBe('status');
    const unknownQuery = expectEnvelope(await call(api, `${reviewsPath()}?sort=rating`, { headers }), 422, 'validation_failed');
    expect(unknownQuery.details.field).toBe('query.sort');
    const res = await call(api, reviewsPath(), { method: 'DELETE', headers });
    expectEnvelope(res, 405, 'method_not_allowed');
  });
});

describe('rate limits', () => {
  it('refuses writes past the per-IP limit with 429, Retry-After and the envelope', async () => {
    const limited = await startTestApi({ RATE_LIMIT_TIERS: '{"free":{"limit":3}}' }, { database: api.database });
    try {
      let n = 0;
      const send = () => call(limited, '/api/public/reviews', { method: 'POST', headers: { 'x-sumeru-key': lockedKey, origin: ALLOWED }, body: { product_id: productId, rating: 4, body: 'Good', author_name: 'Bo', author_email: `bo${++n}@example.test` } });
      for (let i = 0; i < 3; i++) expect((await send()).status).toBe(201);
      const res = await send();
      const error = expectEnvelope(res, 429, 'rate_limited');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(error.details.retry_after).toBe(Number(res.headers.get('retry-after')));
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
      // Reads have their own, larger budget.
      expect((await call(limited, reviewsPath(), { headers: { 'x-sumeru-key': lockedKey } })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
