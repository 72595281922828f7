import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withAgency, withShop } from '@sumeru/db';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';
import { expectDocumentedShape, createPublishableKey, type Shop } from './helpers/storefront-fixtures';
import { ZReferralClaim, ZReferralCode } from '../src/public/public-schemas';

let api: TestApi;
let shop: Shop;
let other: Shop;
let key: string;
let otherKey: string;
let referrer: { id: string; email: string; externalId: string };

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  [shop, other] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId })) as [Shop, Shop];
  await withAgency(api.deps.db, tenant.agencyId, (tx) => tx.update(schema.shops).set({ domain: 'shop.example' }).where(eq(schema.shops.id, shop.shopId)));
  key = (await createPublishableKey(api.deps.db, shop)).key;
  otherKey = (await createPublishableKey(api.deps.db, other)).key;
  const [row] = await createCustomers(api.deps.db, shop, 1, () => ({ email: 'referrer@example.test', externalId: 'shopify-42' }));
  referrer = { id: row!.id, email: row!.email!, externalId: 'shopify-42' };
});

afterAll(async () => {
  await api.close();
});

const post = (path: string, body: unknown, as = key) => call(api, `/api/public${path}`, { method: 'POST', headers: { 'x-sumeru-key': as }, body });

describe('POST /api/public/referrals', () => {
  it('gives a customer one stable code and a share link, by Sumeru id or the platform id, with their email', async () => {
    const first = await post('/referrals', { customer_id: referrer.id, email: 'Referrer@Example.test' });
    expect(first.status).toBe(200);
    const { code, share_url, claims_count } = first.body.data.attributes;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(share_url).toBe(`https://shop.example/?ref=${code}`);
    expect(claims_count).toBe(0);
    expectDocumentedShape(ZReferralCode, first.body);
    const again = await post('/referrals', { customer_id: referrer.externalId, email: referrer.email });
    expect(again.body.data.attributes.code).toBe(code);
  });

  it('refuses an id and email that do not belong together, and another shop’s customer (404)', async () => {
    expectEnvelope(await post('/referrals', { customer_id: referrer.id, email: 'someone-else@example.test' }), 404, 'not_found');
    expectEnvelope(await post('/referrals', { customer_id: referrer.id, email: referrer.email }, otherKey), 404, 'not_found');
    expect(expectEnvelope(await post('/referrals', { customer_id: referrer.id }), 422, 'validation_failed').details.field).toBe('email');
  });
});

describe('POST /api/public/referrals/claim', () => {
  it('gives the referee a one-use voucher and the referrer a reward, once per referee', async () => {
    const { code } = (await post('/referrals', { customer_id: referrer.id, email: referrer.email })).body.data.attributes;
    const res = await post('/referrals/claim', { code: code.toLowerCase(), email: 'Friend@Example.test' });
    expect(res.status).toBe(201);
    expectDocumentedShape(ZReferralClaim, res.body);
    expect(res.body.data).toMatchObject({ type: 'referral_claim', attributes: { code, voucher: { discount_type: 'percentage', amount: 10, usage_limit: 1 } } });
    const vouchers = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.vouchers));
    const refereeVoucher = vouchers.find((v) => v.code === res.body.data.attributes.voucher.code)!;
    const reward = vouchers.find((v) => v.externalId === `referral:${res.body.data.id}:referrer`)!;
    expect(refereeVoucher).toMatchObject({ usageLimit: 1, discountType: 'percentage' });
    expect(reward).toMatchObject({ discountType: 'fixed_amount', amount: '10.00', usageLimit: 1, customerExternalId: 'shopify-42', currency: 'EUR' });

    const twice = expectEnvelope(await post('/referrals/claim', { code, email: 'friend@example.test' }), 409, 'conflict');
    expect(twice.details.reason).toBe('already_claimed');
    // The refused claim left no vouchers behind.
    expect(await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.vouchers))).toHaveLength(2);
    expect((await post('/referrals', { customer_id: referrer.id, email: referrer.email })).body.data.attributes.claims_count).toBe(1);
  });

  it('refuses self-referral (422), existing customers (409), unknown codes and other shops’ codes (404)', async () => {
    const { code } = (await post('/referrals', { customer_id: referrer.id, email: referrer.email })).body.data.attributes;
    expect(expectEnvelope(await post('/referrals/claim', { code, email: referrer.email }), 422, 'validation_failed').details.field).toBe('email');
    await createCustomers(api.deps.db, shop, 1, () => ({ email: 'loyal@example.test', ordersCount: 3 }));
    expect(expectEnvelope(await post('/referrals/claim', { code, email: 'loyal@example.test' }), 409, 'conflict').details.reason).toBe('existing_customer');
    expectEnvelope(await post('/referrals/claim', { code: 'NOPE2345', email: 'new@example.test' }), 404, 'not_found');
    expectEnvelope(await post('/referrals/claim', { code, email: 'new@example.test' }, otherKey), 404, 'not_found');
  });

  it('lets exactly one of many concurrent claims by the same referee through', async () => {
    const { code } = (await post('/referrals', { customer_id: referrer.id, email: referrer.email })).body.data.attributes;
    const results = await Promise.all(Array.from({ length: 5 }, () => post('/referrals/claim', { code, email: 'racer@example.test' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });
});

describe('GET /api/v1/referral-claims', () => {
  it('lists the shop’s claims, filterable by referrer, for the storefront:read scope', async () => {
    const [sharer] = await createCustomers(api.deps.db, shop, 1, () => ({ email: 'sharer@example.test' }));
    const { code } = (await post('/referrals', { customer_id: sharer!.id, email: 'sharer@example.test' })).body.data.attributes;
    for (const email of ['one@example.test', 'two@example.test']) expect((await post('/referrals/claim', { code, email })).status).toBe(201);
    const { token } = await createToken(api.deps.db, shop, { scopes: ['storefront:read'] });
    const res = await call(api, `/api/v1/referral-claims?filter[referrer_customer_id]=${sharer!.id}&sort=created_at`, { token });
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { attributes: { referee_email: string } }) => c.attributes.referee_email)).toEqual(['one@example.test', 'two@example.test']);
    const one = await call(api, `/api/v1/referral-claims/${res.body.data[0].id}`, { token });
    expect(one.body.data.attributes).toMatchObject({ referrer_customer_id: sharer!.id, referee_voucher_id: expect.stringMatching(/^vch_/), referrer_voucher_id: expect.stringMatching(/^vch_/) });
  });
});
