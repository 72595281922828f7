import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '@sumeru/auth';
import { schema, withTenant } from '@sumeru/db';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, TEST_SECRET, type TestApi } from './helpers/test-api';

let api: TestApi;
let shop: { agencyId: string; shopId: string };
let other: { agencyId: string; shopId: string };
let token: string;
let otherToken: string;

const shopRow = async (tenant: { agencyId: string; shopId: string }) =>
  (await withTenant(api.deps.db, tenant, (tx) => tx.select().from(schema.shops).where(eq(schema.shops.id, tenant.shopId))))[0]!;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  other = { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! };
  token = (await createToken(api.deps.db, shop)).token;
  otherToken = (await createToken(api.deps.db, other)).token;
});

afterAll(async () => {
  await api.close();
});

describe('GET and PATCH /api/v1/shop', () => {
  it('reads the token’s shop, with secrets only as set or not set', async () => {
    const res = await call(api, '/api/v1/shop', { token });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: shop.shopId,
      type: 'shop',
      attributes: { name: 'Shop 1', currency: 'EUR', timezone: 'UTC', shopify_webhook_secret_set: false, whatsapp_verify_token_set: false, whatsapp_app_secret_set: false, marketplace_webhook_secret_set: false, shopify_webhook_previous_secret_expires_at: null },
    });
  });

  it('sets attributes and secrets; secrets are sealed at rest and never returned', async () => {
    const secrets = { shopify_webhook_secret: 'shpss_abcdef0123456789', whatsapp_verify_token: 'verify-me-please', whatsapp_app_secret: 'app-secret-123456', marketplace_webhook_secret: 'market-secret-0123456789' };
    const res = await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { data: { attributes: { name: 'Renamed', domain: 'Shop.Example.com', currency: 'CHF', timezone: 'Europe/Zurich', ...secrets } } } });
    expect(res.status).toBe(200);
    expect(res.body.data.attributes).toMatchObject({ name: 'Renamed', domain: 'shop.example.com', currency: 'CHF', timezone: 'Europe/Zurich', shopify_webhook_secret_set: true, whatsapp_verify_token_set: true, whatsapp_app_secret_set: true, marketplace_webhook_secret_set: true });
    // A first secret has no previous one to keep.
    expect(res.body.data.attributes.shopify_webhook_previous_secret_expires_at).toBeNull();
    for (const value of Object.values(secrets)) {
      expect(res.text).not.toContain(value);
      expect((await call(api, '/api/v1/shop', { token })).text).not.toContain(value);
    }
    const row = await shopRow(shop);
    expect(row.shopifyWebhookSecretSealed).not.toContain(secrets.shopify_webhook_secret);
    expect(openSecret(row.shopifyWebhookSecretSealed!, TEST_SECRET)).toBe(secrets.shopify_webhook_secret);
    expect(openSecret(row.whatsappVerifyTokenSealed!, TEST_SECRET)).toBe(secrets.whatsapp_verify_token);
    expect(openSecret(row.whatsappAppSecretSealed!, TEST_SECRET)).toBe(secrets.whatsapp_app_secret);
    expect(openSecret(row.marketplaceWebhookSecretSealed!, TEST_SECRET)).toBe(secrets.marketplace_webhook_secret);
    expect(JSON.stringify(api.logs)).not.toContain(secrets.whatsapp_app_secret);
  });

  it('a new Shopify secret keeps the previous one for an hour; the same one changes nothing; null removes both', async () => {
    const same = await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { shopify_webhook_secret: 'shpss_abcdef0123456789' } });
    expect(same.body.data.attributes.shopify_webhook_previous_secret_expires_at).toBeNull();
    const rotated = await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { shopify_webhook_secret: 'shpss_new_9876543210' } });
    const expires = Date.parse(rotated.body.data.attributes.shopify_webhook_previous_secret_expires_at);
    expect(expires - Date.now()).toBeGreaterThan(59 * 60_000);
    const row = await shopRow(shop);
    expect(openSecret(row.shopifyWebhookSecretPreviousSealed!, TEST_SECRET)).toBe('shpss_abcdef0123456789');
    expect(openSecret(row.shopifyWebhookSecretSealed!, TEST_SECRET)).toBe('shpss_new_9876543210');
    const cleared = await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { shopify_webhook_secret: null, whatsapp_app_secret: null } });
    expect(cleared.body.data.attributes).toMatchObject({ shopify_webhook_secret_set: false, shopify_webhook_previous_secret_expires_at: null, whatsapp_app_secret_set: false, whatsapp_verify_token_set: true });
    expect((await shopRow(shop)).shopifyWebhookSecretPreviousSealed).toBeNull();
  });

  it('422 naming unknown, read-only and invalid attributes', async () => {
    const patch = (body: unknown) => call(api, '/api/v1/shop', { token, method: 'PATCH', body });
    expect(expectEnvelope(await patch({ colour: 'red' }), 422, 'validation_failed').details.field).toBe('colour');
    expect(expectEnvelope(await patch({ shopify_webhook_secret_set: true }), 422, 'validation_failed').details.field).toBe('shopify_webhook_secret_set');
    expect(expectEnvelope(await patch({ timezone: 'Mars/Olympus' }), 422, 'validation_failed').details.field).toBe('timezone');
    expect(expectEnvelope(await patch({ currency: 'XXX' }), 422, 'validation_failed').details.field).toBe('currency');
    expect(expectEnvelope(await patch({ domain: 'not a domain' }), 422, 'validation_failed').details.field).toBe('domain');
    expect(expectEnvelope(await patch({ marketplace_webhook_secret: 'short' }), 422, 'validation_failed').details.field).toBe('marketplace_webhook_secret');
    expect(expectEnvelope(await patch({}), 422, 'validation_failed').details.field).toBe('data.attributes');
  });

  it('a token reads and changes its own shop only', async () => {
    const before = await shopRow(other);
    await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { name: 'Mine only', whatsapp_verify_token: 'only-for-shop-one' } });
    const after = await shopRow(other);
    expect(after.name).toBe(before.name);
    expect(after.whatsappVerifyTokenSealed).toBe(before.whatsappVerifyTokenSealed);
    const theirs = await call(api, '/api/v1/shop', { token: otherToken });
    expect(theirs.body.data).toMatchObject({ id: other.shopId, attributes: { name: 'Shop 2', whatsapp_verify_token_set: false } });
  });

  it('is idempotent under Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `k-${crypto.randomUUID()}` };
    const first = await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { name: 'Once' }, headers });
    const again = await call(api, '/api/v1/shop', { token, method: 'PATCH', body: { name: 'Once' }, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});
