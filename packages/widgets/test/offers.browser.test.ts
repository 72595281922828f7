// <sumeru-bundle-offer>, <sumeru-upsell-offer>, <sumeru-referral-share> and <sumeru-quiz> from
// dist/widgets.js in headless Chromium, against the receiver harness (another origin) that
// stands in for the API with the response shapes of apps/api/src/public/public-schemas.ts (the
// real API is exercised in apps/api/test/storefront.e2e.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '@sumeru/browser-testing';
import { errorEnvelope, json, KEY, startWidgetHarness } from './support/widget-page';

const product = (id: string, extra: Record<string, unknown> = {}) => ({
  id, title: `Product ${id}`, handle: `handle-${id}`, price: 20, currency: 'EUR', ...extra,
});

const api = (req: RecordedRequest) => {
  const url = new URL(req.url, 'http://x');
  const path = `${req.method} ${url.pathname}`;
  if (path === 'GET /api/public/products/prod_1/bundles') {
    return json({ data: [{ id: 'bun_1', type: 'bundle', attributes: {
      name: 'Trail kit', description: 'Everything for the trail', products: [product('prod_1'), product('prod_2', { price: 35 })],
      discount_type: 'fixed_amount', discount_value: 10, currency: 'EUR', regular_price: 55, bundle_price: 45, savings: 10,
    } }] });
  }
  if (path === 'GET /api/public/products/prod_none/bundles') return json({ data: [] });
  if (path === 'GET /api/public/upsells') {
    if (url.searchParams.get('product_ids') === 'prod_refused') return errorEnvelope(401, 'unauthorized', 'Missing publishable key');
    if (url.searchParams.get('product_ids') === 'prod_none') return json({ data: [] });
    return json({ data: [{ id: 'ups_1', type: 'upsell_offer', attributes: {
      headline: 'Socks <i>for</i> 20% less', discount_type: 'percentage', discount_value: 20,
      products: [product('prod_3', { title: 'Wool socks', handle: 'wool-socks', price: 25, offer_price: 20 }), product('prod_4', { title: 'Laces', offer_price: 3.5, price: 3.5 })],
    } }] });
  }
  if (path === 'POST /api/public/referrals') {
    if (JSON.parse(req.body).customer_id === 'cus_nodomain') return json({ data: { id: 'ref_2', type: 'referral_code', attributes: { code: 'GRC-4K1', share_url: null, claims_count: 0 } } });
    return json({ data: { id: 'ref_1', type: 'referral_code', attributes: { code: 'ADA-7Q2', share_url: 'https://shop.example/?ref=ADA-7Q2', claims_count: 2, created_at: '2026-11-01T00:00:00Z' } } });
  }
  if (path === 'GET /api/public/quizzes/quiz_1') {
    return json({ data: { id: 'quiz_1', type: 'quiz', attributes: { title: 'Find your shoe', description: null, questions: [
      { id: 'q_terrain', text: 'Where do you run?', answers: [{ id: 'o_road', text: 'Road' }, { id: 'o_trail', text: 'Trail' }] },
      { id: 'q_needs', text: 'What matters?', answers: [{ id: 'o_grip', text: 'Grip' }, { id: 'o_light', text: 'Light weight' }] },
    ] } } });
  }
  if (path === 'POST /api/public/quizzes/quiz_1/answers') return json({ data: { quiz_id: 'quiz_1', recommendations: [{ product: product('prod_7', { title: 'Trail runner', handle: 'trail-runner' }), score: 2 }] } });
  return errorEnvelope(404, 'not_found', 'Not found');
};

let harness: Awaited<ReturnType<typeof startWidgetHarness>>;
beforeAll(async () => {
  harness = await startWidgetHarness();
});
afterAll(async () => {
  await harness?.close();
});

const captureCartEvents = `<script>window.cartEvents = []; document.addEventListener('sumeru:add-to-cart', (e) => cartEvents.push(e.detail));</script>`;

describe('<sumeru-bundle-offer>', () => {
  it('renders a bundle with its saving and asks the storefront to add every item', async () => {
    const page = await harness.open(`${captureCartEvents}<sumeru-bundle-offer product-id="prod_1"></sumeru-bundle-offer>`, api);
    await expect.poll(() => page.locator('sumeru-bundle-offer').getAttribute('data-state')).toBe('ready');
    expect(harness.receiver.requests.map((r) => r.url)).toEqual([`/api/public/products/prod_1/bundles?key=${KEY}`]);
    expect(await page.getByRole('heading', { name: 'Trail kit' }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Items in Trail kit' }).textContent()).toBe('Product prod_1Product prod_2');
    expect(await page.getByText('€45.00').count()).toBe(1);
    expect(await page.getByText('was €55.00').count()).toBe(1);
    expect(await page.getByText('You save €10.00').count()).toBe(1);
    await page.getByRole('button', { name: 'Add bundle to cart' }).click();
    expect(await page.evaluate(() => (window as any).cartEvents)).toEqual([
      { source: 'bundle', offer_id: 'bun_1', items: [{ product_id: 'prod_1', quantity: 1 }, { product_id: 'prod_2', quantity: 1 }] },
    ]);
  });

  it('renders nothing when no bundle contains the product', async () => {
    const page = await harness.open('<sumeru-bundle-offer product-id="prod_none"></sumeru-bundle-offer>', api);
    await expect.poll(() => page.locator('sumeru-bundle-offer').getAttribute('data-state')).toBe('empty');
    expect(await page.locator('sumeru-bundle-offer').evaluate((el) => el.shadowRoot!.querySelector('.content')!.childElementCount)).toBe(0);
  });
});

describe('<sumeru-upsell-offer>', () => {
  it('asks for the product page\'s product, renders the offer as text with offer prices, one button per product', async () => {
    const page = await harness.open(`${captureCartEvents}<sumeru-upsell-offer product-id="prod_1"></sumeru-upsell-offer>`, api);
    await expect.poll(() => page.locator('sumeru-upsell-offer').getAttribute('data-state')).toBe('ready');
    expect(harness.receiver.requests.map((r) => r.url)).toEqual([`/api/public/upsells?key=${KEY}&product_ids=prod_1`]);
    expect(await page.getByRole('heading', { name: 'Socks <i>for</i> 20% less' }).count()).toBe(1);
    const root = page.locator('sumeru-upsell-offer');
    expect(await root.evaluate((el) => el.shadowRoot!.querySelectorAll('a, img, i').length)).toBe(0);
    const socks = page.locator('[part="product"]').filter({ has: page.getByRole('heading', { name: 'Wool socks' }) });
    expect(await socks.getByText('€20.00').count()).toBe(1);
    expect(await socks.getByText('was €25.00').count()).toBe(1);
    // No discount on the laces: no struck-through price.
    const laces = page.locator('[part="product"]').filter({ has: page.getByRole('heading', { name: 'Laces' }) });
    expect(await laces.locator('s').count()).toBe(0);
    await page.getByRole('button', { name: 'Add to cart: Laces' }).click();
    await page.getByRole('button', { name: 'Add to cart: Wool socks' }).click();
    expect(await page.evaluate(() => (window as any).cartEvents)).toEqual([
      { source: 'upsell', offer_id: 'ups_1', items: [{ product_id: 'prod_4', quantity: 1 }] },
      { source: 'upsell', offer_id: 'ups_1', items: [{ product_id: 'prod_3', quantity: 1 }] },
    ]);
  });

  it('asks for a cart\'s products and total, and links titles through the product-url template only when it is http(s)', async () => {
    const page = await harness.open(`<sumeru-upsell-offer product-ids=" prod_1, prod_2 ,," cart-total="59.90" product-url="https://shop.example/products/{handle}"></sumeru-upsell-offer>
<sumeru-upsell-offer product-id="prod_9" product-url="javascript:alert('{handle}')"></sumeru-upsell-offer>`, api);
    await expect.poll(() => page.locator('sumeru-upsell-offer').first().getAttribute('data-state')).toBe('ready');
    await expect.poll(() => page.locator('sumeru-upsell-offer').nth(1).getAttribute('data-state')).toBe('ready');
    expect(harness.receiver.requests.map((r) => r.url).sort()).toEqual([
      `/api/public/upsells?key=${KEY}&product_ids=prod_1%2Cprod_2&cart_total=59.90`,
      `/api/public/upsells?key=${KEY}&product_ids=prod_9`,
    ]);
    expect(await page.locator('sumeru-upsell-offer').first().getByRole('link', { name: 'Wool socks' }).getAttribute('href')).toBe('https://shop.example/products/wool-socks');
    expect(await page.locator('sumeru-upsell-offer').nth(1).getByRole('link').count()).toBe(0);
  });

  it('renders nothing when no rule offers anything, and asks nothing without a product', async () => {
    const page = await harness.open('<sumeru-upsell-offer product-id="prod_none"></sumeru-upsell-offer><sumeru-upsell-offer product-ids=" , "></sumeru-upsell-offer>', api);
    await expect.poll(() => page.locator('sumeru-upsell-offer').first().getAttribute('data-state')).toBe('empty');
    expect(await page.locator('sumeru-upsell-offer').nth(1).getAttribute('data-state')).toBe('empty');
    expect(harness.receiver.requests.map((r) => r.url)).toEqual([`/api/public/upsells?key=${KEY}&product_ids=prod_none`]);
  });

  it('goes quietly unavailable on 401, showing nothing', async () => {
    const page = await harness.open('<sumeru-upsell-offer product-id="prod_refused"></sumeru-upsell-offer>', api);
    await expect.poll(() => page.locator('sumeru-upsell-offer').getAttribute('data-state')).toBe('unavailable');
    expect(await page.locator('sumeru-upsell-offer').evaluate((el) => el.shadowRoot!.querySelector('.container')!.textContent)).toBe('');
  });
});

describe('<sumeru-referral-share>', () => {
  it('posts the customer id and email with the key and offers a labelled link to copy', async () => {
    const page = await harness.open('<sumeru-referral-share customer-id="cus_42" customer-email="ada@example.com"></sumeru-referral-share>', api);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.storefront.origin });
    await expect.poll(() => page.locator('sumeru-referral-share').getAttribute('data-state')).toBe('ready');
    const [post] = harness.receiver.requests;
    expect(post!.url).toBe(`/api/public/referrals?key=${KEY}`);
    expect(post!.headers['x-sumeru-key']).toBe(KEY);
    expect(JSON.parse(post!.body)).toEqual({ customer_id: 'cus_42', email: 'ada@example.com' });
    expect(await page.getByRole('textbox', { name: 'Your referral link' }).inputValue()).toBe('https://shop.example/?ref=ADA-7Q2');
    expect(await page.getByText('ADA-7Q2', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://shop.example/?ref=ADA-7Q2');
    expect(await page.getByText('2 friends have used your code.').count()).toBe(1);
  });

  it('offers the code alone when the shop has no domain for a share link', async () => {
    const page = await harness.open('<sumeru-referral-share customer-id="cus_nodomain" customer-email="grace@example.com"></sumeru-referral-share>', api);
    await expect.poll(() => page.locator('sumeru-referral-share').getAttribute('data-state')).toBe('ready');
    expect(await page.getByRole('textbox', { name: 'Your referral code' }).inputValue()).toBe('GRC-4K1');
    expect(await page.getByRole('button', { name: 'Copy code' }).count()).toBe(1);
    expect(await page.getByRole('link').count()).toBe(0);
  });

  it('renders nothing and calls nothing for a guest (no customer id and email)', async () => {
    const page = await harness.open('<sumeru-referral-share></sumeru-referral-share><sumeru-referral-share customer-id="cus_42"></sumeru-referral-share>', api);
    await expect.poll(() => page.locator('sumeru-referral-share').nth(1).getAttribute('data-state')).toBe('empty');
    await expect.poll(() => page.locator('sumeru-referral-share').first().getAttribute('data-state')).toBe('empty');
    expect(harness.receiver.requests).toHaveLength(0);
  });
});

describe('<sumeru-quiz>', () => {
  it('asks every question in labelled groups and shows the recommendations for the answers', async () => {
    const page = await harness.open('<sumeru-quiz quiz-id="quiz_1" product-url="https://shop.example/products/{handle}"></sumeru-quiz>', api);
    await expect.poll(() => page.locator('sumeru-quiz').getAttribute('data-state')).toBe('ready');
    expect(await page.getByRole('form', { name: 'Find your shoe' }).count()).toBe(1);
    await page.getByRole('group', { name: 'Where do you run?' }).getByRole('radio', { name: 'Trail' }).check();
    await page.getByRole('group', { name: 'What matters?' }).getByRole('radio', { name: 'Light weight' }).check();
    await page.getByRole('button', { name: 'See my recommendations' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Recommended for you' }).count()).toBe(1);
    const post = harness.receiver.requests.find((r) => r.method === 'POST')!;
    expect(post.url).toBe(`/api/public/quizzes/quiz_1/answers?key=${KEY}`);
    expect(post.headers['x-sumeru-key']).toBe(KEY);
    expect(JSON.parse(post.body)).toEqual({ answers: { q_terrain: 'o_trail', q_needs: 'o_light' } });
    expect(await page.getByRole('link', { name: 'Trail runner' }).getAttribute('href')).toBe('https://shop.example/products/trail-runner');
    expect(await page.getByRole('status').textContent()).toBe('1 recommendation.');
    expect(await page.locator('sumeru-quiz').evaluate((el) => el.shadowRoot!.activeElement?.textContent)).toBe('Recommended for you');

    await page.getByRole('button', { name: 'Start over' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Find your shoe' }).count()).toBe(1);
  });

  it('does not send while a question is unanswered', async () => {
    const page = await harness.open('<sumeru-quiz quiz-id="quiz_1"></sumeru-quiz>', api);
    await expect.poll(() => page.locator('sumeru-quiz').getAttribute('data-state')).toBe('ready');
    await page.getByRole('group', { name: 'Where do you run?' }).getByRole('radio', { name: 'Road' }).check();
    await page.getByRole('button', { name: 'See my recommendations' }).click();
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.receiver.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});

describe('configuration', () => {
  it('prefers the element data-key and data-api over the script tag and the global config', async () => {
    const other = `<script>window.SumeruWidgets = { key: 'pk_live_global' };</script>`;
    await harness.open(`${other}<sumeru-bundle-offer product-id="prod_1" data-key="pk_live_element"></sumeru-bundle-offer><sumeru-upsell-offer product-id="prod_1"></sumeru-upsell-offer>`, api);
    await expect.poll(() => harness.receiver.requests.length).toBe(2);
    expect(harness.receiver.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('key')).sort()).toEqual(['pk_live_element', 'pk_live_global']);
  });
});
