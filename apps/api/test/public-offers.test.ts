import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';
import { expectDocumentedShape, createProduct, createPublishableKey, type Shop } from './helpers/storefront-fixtures';
import { ZBundleList, ZQuiz, ZQuizRecommendations, ZUpsellList } from '../src/public/public-schemas';

let api: TestApi;
let shop: Shop;
let other: Shop;
let key: string;
let otherKey: string;
let admin: string;
const p: Record<string, string> = {};

const setPrice = (id: string, price: string, status: 'active' | 'draft' = 'active') =>
  withShop(api.deps.db, shop.shopId, (tx) => tx.update(schema.products).set({ price, status }).where(eq(schema.products.id, id)));

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  [shop, other] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId })) as [Shop, Shop];
  key = (await createPublishableKey(api.deps.db, shop)).key;
  otherKey = (await createPublishableKey(api.deps.db, other)).key;
  admin = (await createToken(api.deps.db, shop)).token;
  for (const name of ['shoe', 'sock', 'lace', 'bag', 'hidden']) p[name] = await createProduct(api.deps.db, shop, name);
  await setPrice(p.shoe!, '49.90');
  await setPrice(p.sock!, '9.95');
  await setPrice(p.lace!, '3.33');
  await setPrice(p.bag!, '25.00');
  await setPrice(p.hidden!, '1.00', 'draft');
});

afterAll(async () => {
  await api.close();
});

const get = (path: string, as = key) => call(api, `/api/public${path}`, { headers: { 'x-sumeru-key': as } });
const bulk = async (resource: string, items: unknown[]) => {
  const res = await call(api, `/api/v1/${resource}/bulk`, { token: admin, method: 'POST', body: { data: items } });
  expect(res.status, res.text).toBe(200);
  return res.body.data.items.map((i: { id: string }) => i.id) as string[];
};

describe('bundles', () => {
  it('lists the active bundles containing a product with exact prices and savings; incomplete ones are left out', async () => {
    const [pct, fixed] = await bulk('bundles', [
      { external_id: 'run-kit', name: 'Run kit', product_ids: [p.shoe, p.sock, p.lace], discount_type: 'percentage', discount_value: 15 },
      { external_id: 'sock-pair', name: 'Sock pair', product_ids: [p.sock, p.lace], discount_type: 'fixed_amount', discount_value: 50 },
      { external_id: 'with-draft', name: 'Has a draft', product_ids: [p.shoe, p.hidden], discount_type: 'percentage', discount_value: 10 },
      { external_id: 'off', name: 'Inactive', product_ids: [p.shoe, p.sock], discount_type: 'percentage', discount_value: 10, active: false },
    ]);
    const res = await get(`/products/${p.sock}/bundles`);
    expect(res.status).toBe(200);
    expectDocumentedShape(ZBundleList, res.body);
    // Created in one request, so listed in id order: compare by id.
    expect(res.body.data.map((b: { id: string }) => b.id).sort()).toEqual([pct, fixed].sort());
    const byId = (id: string) => res.body.data.find((b: { id: string }) => b.id === id).attributes;
    // 49.90 + 9.95 + 3.33 = 63.18; 15 % = 9.477 → 9.48.
    expect(byId(pct!)).toMatchObject({ regular_price: 63.18, savings: 9.48, bundle_price: 53.7, currency: 'EUR' });
    expect(byId(pct!).products.map((x: { id: string }) => x.id)).toEqual([p.shoe, p.sock, p.lace]);
    // A fixed discount larger than the price saves the price, never more.
    expect(byId(fixed!)).toMatchObject({ regular_price: 13.28, savings: 13.28, bundle_price: 0 });
    expect((await get(`/products/${p.bag}/bundles`)).body.data).toEqual([]);
  });

  it('answers another shop’s product as not found, and keeps bundles to their shop', async () => {
    expectEnvelope(await get(`/products/${p.sock}/bundles`, otherKey), 404, 'not_found');
  });

  it('validates bundles on the admin API, per item', async () => {
    const res = await call(api, '/api/v1/bundles/bulk', { token: admin, method: 'POST', body: { data: [{ external_id: 'x', name: 'One', product_ids: [p.shoe], discount_type: 'percentage', discount_value: 1 }] } });
    expect(res.body.data.rejected_count).toBe(1);
  });
});

describe('upsells', () => {
  it('offers by trigger product, cart total and priority, never what is already in the cart', async () => {
    const [any, big, lace] = await bulk('upsell-rules', [
      { external_id: 'any', name: 'Everyone', headline: 'Add a bag', offer_product_ids: [p.bag], priority: 1 },
      { external_id: 'big', name: 'Big carts', offer_product_ids: [p.lace, p.sock], minimum_cart_total: 50, discount_type: 'percentage', discount_value: 50, priority: 5 },
      { external_id: 'shoe', name: 'Laces for shoes', offer_product_ids: [p.lace, p.hidden], trigger_product_ids: [p.shoe], discount_type: 'fixed_amount', discount_value: 1, priority: 3 },
    ]);
    const page = await get(`/upsells?product_ids=${p.shoe}`);
    expectDocumentedShape(ZUpsellList, page.body);
    expect(page.body.data.map((o: { id: string }) => o.id)).toEqual([lace, any]);
    expect(page.body.data[0].attributes.products).toEqual([{ id: p.lace, title: 'lace', handle: expect.any(String), price: 3.33, currency: 'EUR', offer_price: 2.33 }]);
    const cart = await get(`/upsells?product_ids=${p.shoe},${p.sock}&cart_total=59.85`);
    expect(cart.body.data.map((o: { id: string }) => o.id)).toEqual([big, lace, any]);
    // 50 % of 3.33 is 1.665: the discount rounds half up to 1.67, the offer price is 1.66.
    expect(cart.body.data[0].attributes.products).toEqual([expect.objectContaining({ id: p.lace, offer_price: 1.66 })]);
    const bagOnly = await get(`/upsells?product_ids=${p.bag}&cart_total=10`);
    expect(bagOnly.body.data).toEqual([]);
    expect(expectEnvelope(await get('/upsells'), 422, 'validation_failed').details.field).toBe('query.product_ids');
    expect(expectEnvelope(await get(`/upsells?product_ids=${p.bag}&cart_total=lots`), 422, 'validation_failed').details.field).toBe('query.cart_total');
    expect((await get(`/upsells?product_ids=${p.shoe}`, otherKey)).body.data).toEqual([]);
  });
});

describe('quizzes', () => {
  it('serves the questions without the rules and recommends by votes, active products only', async () => {
    const [quiz] = await bulk('quizzes', [{
      external_id: 'finder', title: 'Find your kit', max_recommendations: 2,
      questions: [
        { id: 'terrain', text: 'Where do you run?', answers: [{ id: 'road', text: 'Road', product_ids: [p.shoe, p.sock] }, { id: 'trail', text: 'Trail', product_ids: [p.bag, p.hidden] }] },
        { id: 'distance', text: 'How far?', answers: [{ id: 'short', text: '5 km', product_ids: [p.lace] }, { id: 'long', text: 'Marathon', product_ids: [p.sock, p.bag] }] },
      ],
    }]);
    const got = await get(`/quizzes/${quiz}`);
    expectDocumentedShape(ZQuiz, got.body);
    expect(got.body.data.attributes.questions[0]).toEqual({ id: 'terrain', text: 'Where do you run?', answers: [{ id: 'road', text: 'Road' }, { id: 'trail', text: 'Trail' }] });
    const answer = (answers: unknown, as = key) => call(api, `/api/public/quizzes/${quiz}/answers`, { method: 'POST', headers: { 'x-sumeru-key': as }, body: { answers } });
    const road = await answer({ terrain: 'road', distance: 'long' });
    expect(road.status).toBe(200);
    expectDocumentedShape(ZQuizRecommendations, road.body);
    expect(road.body.data.recommendations.map((r: { product: { id: string }; score: number }) => [r.product.id, r.score])).toEqual([[p.sock, 2], [p.shoe, 1]]);
    const trail = await answer({ terrain: 'trail' });
    expect(trail.body.data.recommendations.map((r: { product: { id: string } }) => r.product.id)).toEqual([p.bag]);
    expect(expectEnvelope(await answer({ terrain: 'sky' }), 422, 'validation_failed').details.field).toBe('answers.terrain');
    expect(expectEnvelope(await answer({ mood: 'happy' }), 422, 'validation_failed').details.field).toBe('answers.mood');
    expect(expectEnvelope(await answer({}), 422, 'validation_failed').details.field).toBe('answers');
    expectEnvelope(await get(`/quizzes/${quiz}`, otherKey), 404, 'not_found');
    expectEnvelope(await answer({ terrain: 'road' }, otherKey), 404, 'not_found');
  });
});
