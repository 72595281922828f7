import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { newId } from '@sumeru/domain';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';
import { expectDocumentedShape, createProduct, createPublishableKey, createReview, type Shop } from './helpers/storefront-fixtures';
import { ZReviewList, ZSubmittedReview } from '../src/public/public-schemas';

let api: TestApi;
let shop: Shop;
let other: Shop;
let key: string;
let otherKey: string;
let admin: string;
let productId: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  [shop, other] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId })) as [Shop, Shop];
  key = (await createPublishableKey(api.deps.db, shop)).key;
  otherKey = (await createPublishableKey(api.deps.db, other)).key;
  admin = (await createToken(api.deps.db, shop)).token;
  productId = await createProduct(api.deps.db, shop);
});

afterAll(async () => {
  await api.close();
});

let reviewers = 0;
// A new reviewer per call unless the test names one: one live review per email and product.
const submit = (body: Record<string, unknown>, as = key) =>
  call(api, '/api/public/reviews', { method: 'POST', headers: { 'x-sumeru-key': as }, body: { product_id: productId, rating: 5, body: 'Great shoes', author_name: 'Ana', author_email: `Ana+${++reviewers}@Example.test`, ...body } });
const list = (product = productId, query = '', as = key) => call(api, `/api/public/products/${product}/reviews${query}`, { headers: { 'x-sumeru-key': as } });

describe('submitting and moderating a review', () => {
  it('holds a submission as pending, out of the storefront list, until approved; then it shows with the summary', async () => {
    const product = await createProduct(api.deps.db, shop, 'Moderated');
    const res = await submit({ product_id: product, rating: 4, title: 'Comfy', author_email: 'Ana@Example.test' });
    expect(res.status).toBe(201);
    const review = res.body.data;
    expect(review).toMatchObject({ type: 'review', id: expect.stringMatching(/^rev_/), attributes: { status: 'pending', rating: 4, title: 'Comfy', verified_buyer: false, product_id: product } });
    expect(review.attributes).not.toHaveProperty('author_email');
    expectDocumentedShape(ZSubmittedReview, res.body);
    expect((await list(product)).body).toMatchObject({ data: [], meta: { rating_summary: { count: 0, average: null } } });

    const queue = await call(api, `/api/v1/reviews?filter[status]=pending&filter[product_id]=${product}`, { token: admin });
    expect(queue.body.data.map((r: { id: string }) => r.id)).toEqual([review.id]);
    expect(queue.body.data[0].attributes.author_email).toBe('ana@example.test');

    const approved = await call(api, `/api/v1/reviews/${review.id}/approve`, { token: admin, method: 'POST' });
    expect(approved.status).toBe(200);
    expect(approved.body.data.attributes).toMatchObject({ status: 'approved', moderated_at: expect.any(String) });
    expectEnvelope(await call(api, `/api/v1/reviews/${review.id}/approve`, { token: admin, method: 'POST' }), 409, 'conflict');

    const shown = await list(product);
    expect(shown.body.data).toEqual([{ id: review.id, type: 'review', attributes: { rating: 4, title: 'Comfy', body: 'Great shoes', author_name: 'Ana', verified_buyer: false, created_at: review.attributes.created_at } }]);
    expect(shown.body.meta.rating_summary).toEqual({ count: 1, average: 4, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 } });
    expectDocumentedShape(ZReviewList, shown.body);

    const rejected = await call(api, `/api/v1/reviews/${review.id}/reject`, { token: admin, method: 'POST' });
    expect(rejected.body.data.attributes.status).toBe('rejected');
    expect((await list(product)).body.data).toEqual([]);
    expect((await call(api, `/api/v1/reviews/${review.id}`, { token: admin })).body.data.attributes.status).toBe('rejected');
  });

  it('records a review.submitted event in the outbox with the review', async () => {
    const res = await submit({ rating: 3 });
    const events = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.events).where(eq(schema.events.type, 'review.submitted')));
    expect(events.map((e) => (e.data as { id: string }).id)).toContain(res.body.data.id);
  });

  it('stores HTML and header-injection text verbatim and returns it as JSON, never as HTML', async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>\r\nSet-Cookie: session=stolen\r\n\r\n<b>bold</b> & "quotes"';
    const product = await createProduct(api.deps.db, shop, 'Hostile');
    const res = await submit({ product_id: product, title: '<h1>Title</h1>', body: hostile, author_name: 'Eve\r\nX-Injected: 1' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-injected')).toBeNull();
    await call(api, `/api/v1/reviews/${res.body.data.id}/approve`, { token: admin, method: 'POST' });
    const shown = await list(product);
    expect(shown.headers.get('content-type')).toMatch(/^application\/json/);
    expect(shown.body.data[0].attributes).toMatchObject({ title: '<h1>Title</h1>', body: hostile, author_name: 'Eve\r\nX-Injected: 1' });
    const [stored] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.reviews).where(eq(schema.reviews.id, res.body.data.id)));
    expect(stored!.body).toBe(hostile);
  });

  it('takes one live review per email and product; a rejected one may be written again', async () => {
    const product = await createProduct(api.deps.db, shop, 'Once');
    const first = await submit({ product_id: product, author_email: 'once@example.test' });
    expect(first.status).toBe(201);
    const again = expectEnvelope(await submit({ product_id: product, author_email: 'ONCE@example.test' }), 409, 'conflict');
    expect(again.details.reason).toBe('already_reviewed');
    expect((await submit({ author_email: 'once@example.test' })).status).toBe(201);
    await call(api, `/api/v1/reviews/${first.body.data.id}/reject`, { token: admin, method: 'POST' });
    expect((await submit({ product_id: product, author_email: 'once@example.test' })).status).toBe(201);
  });

  it('refuses control characters, ratings outside 1–5 and missing fields, naming the field', async () => {
    expect(expectEnvelope(await submit({ rating: 6 }), 422, 'validation_failed').details.field).toBe('rating');
    expect(expectEnvelope(await submit({ rating: 4.5 }), 422, 'validation_failed').details.field).toBe('rating');
    expect(expectEnvelope(await submit({ body: 'a\u0000b' }), 422, 'validation_failed').details.field).toBe('body');
    expect(expectEnvelope(await submit({ author_email: 'not-an-email' }), 422, 'validation_failed').details.field).toBe('author_email');
    expect(expectEnvelope(await submit({ body: '   ' }), 422, 'validation_failed').details.field).toBe('body');
  });

  it('gives the verified-buyer badge only for an order of this shop with the product, placed with the same email', async () => {
    const [buyer] = await createCustomers(api.deps.db, shop, 1, () => ({ email: 'buyer@example.test' }));
    const orderId = newId('order');
    const second = await createProduct(api.deps.db, shop, 'Second item');
    await withShop(api.deps.db, shop.shopId, async (tx) => {
      await tx.insert(schema.orders).values({ id: orderId, ...shop, customerId: buyer!.id, number: `#V-${orderId.slice(-5)}`, subtotal: '99.80', total: '99.80', placedAt: new Date() });
      await tx.insert(schema.orderLineItems).values([
        { id: newId('lineItem'), ...shop, orderId, productId, title: 'Trail Runner', quantity: 1, unitPrice: '49.90', total: '49.90' },
        { id: newId('lineItem'), ...shop, orderId, productId: second, title: 'Second item', quantity: 1, unitPrice: '49.90', total: '49.90' },
      ]);
    });
    const byId = await submit({ author_email: 'BUYER@example.test', order_reference: orderId });
    expect(byId.body.data.attributes.verified_buyer).toBe(true);
    const byNumber = await submit({ product_id: second, author_email: 'buyer@example.test', order_reference: `#V-${orderId.slice(-5)}` });
    expect(byNumber.body.data.attributes.verified_buyer).toBe(true);
    const otherEmail = await submit({ author_email: 'someone@example.test', order_reference: orderId });
    expect(otherEmail.body.data.attributes.verified_buyer).toBe(false);
    const otherProduct = await submit({ product_id: await createProduct(api.deps.db, shop, 'Other'), author_email: 'buyer@example.test', order_reference: orderId });
    expect(otherProduct.body.data.attributes.verified_buyer).toBe(false);
    // The same order reference from another shop's storefront proves nothing there.
    const theirProduct = await createProduct(api.deps.db, other);
    const foreign = await submit({ product_id: theirProduct, author_email: 'buyer@example.test', order_reference: orderId }, otherKey);
    expect(foreign.body.data.attributes.verified_buyer).toBe(false);
    const [stored] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.reviews).where(eq(schema.reviews.id, byId.body.data.id)));
    expect(stored!.orderId).toBe(orderId);
  });
});

describe('another shop’s ids', () => {
  it('cannot read, review or moderate across shops: 404 everywhere', async () => {
    const theirProduct = await createProduct(api.deps.db, other);
    const theirReview = await createReview(api.deps.db, other, { productId: theirProduct, rating: 5 });
    expectEnvelope(await list(theirProduct), 404, 'not_found');
    expectEnvelope(await submit({ product_id: theirProduct }), 404, 'not_found');
    expectEnvelope(await call(api, `/api/v1/reviews/${theirReview}`, { token: admin }), 404, 'not_found');
    expectEnvelope(await call(api, `/api/v1/reviews/${theirReview}/approve`, { token: admin, method: 'POST' }), 404, 'not_found');
    // Their own key sees it.
    expect((await list(theirProduct, '', otherKey)).body.data.map((r: { id: string }) => r.id)).toEqual([theirReview]);
  });
});

describe('the storefront list', () => {
  it('pages newest first with an opaque cursor and summarises every approved review', async () => {
    const product = await createProduct(api.deps.db, shop, 'Paged');
    const ratings = [5, 5, 4, 3, 1];
    const ids: string[] = [];
    for (const [i, rating] of ratings.entries()) ids.push(await createReview(api.deps.db, shop, { productId: product, rating, createdAt: new Date(Date.UTC(2026, 5, 1 + i)) }));
    await createReview(api.deps.db, shop, { productId: product, rating: 1, status: 'pending' });
    await createReview(api.deps.db, shop, { productId: product, rating: 1, status: 'rejected' });
    const first = await list(product, '?limit=2');
    expect(first.body.data.map((r: { id: string }) => r.id)).toEqual([ids[4], ids[3]]);
    expect(first.body.pagination.has_next).toBe(true);
    const second = await list(product, `?limit=2&cursor=${encodeURIComponent(first.body.pagination.next_cursor)}`);
    expect(second.body.data.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    const third = await list(product, `?limit=2&cursor=${encodeURIComponent(second.body.pagination.next_cursor)}`);
    expect(third.body.data.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect(third.body.pagination).toEqual({ next_cursor: null, has_next: false });
    expect(first.body.meta.rating_summary).toEqual({ count: 5, average: 3.6, distribution: { '1': 1, '2': 0, '3': 1, '4': 1, '5': 2 } });
    expect(expectEnvelope(await list(product, '?limit=500'), 422, 'validation_failed').details.field).toBe('limit');
    expect(expectEnvelope(await list(product, '?cursor=forged'), 422, 'validation_failed').details.field).toBe('cursor');
  });
});

describe('the moderation list', () => {
  it('filters by status and product and refuses undeclared filters', async () => {
    const product = await createProduct(api.deps.db, shop, 'Filtered');
    const pending = await createReview(api.deps.db, shop, { productId: product, rating: 2, status: 'pending' });
    await createReview(api.deps.db, shop, { productId: product, rating: 5, status: 'approved' });
    const res = await call(api, `/api/v1/reviews?filter[product_id]=${product}&filter[status]=pending`, { token: admin });
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([pending]);
    const both = await call(api, `/api/v1/reviews?filter[product_id]=${product}&filter[status]=pending,approved&sort=rating`, { token: admin });
    expect(both.body.data.map((r: { attributes: { rating: number } }) => r.attributes.rating)).toEqual([2, 5]);
    expect(expectEnvelope(await call(api, '/api/v1/reviews?filter[body]=x', { token: admin }), 422, 'validation_failed').details.field).toBe('filter[body]');
  });
});
