// End to end (issue 6 §4): the built /widgets.js and /pixel.js, served by the REAL API over
// PostgreSQL, running in real headless Chromium on a storefront page served from ANOTHER origin.
// Nothing stands in for the API: what the browser does is checked in the database and through
// the admin API.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withAgency, withShop } from '@sumeru/db';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { launchChromium, startStorefront, type Storefront } from './helpers/chromium';
import { createProduct, createPublishableKey, createReview, type Shop } from './helpers/storefront-fixtures';
import { call, startTestApi, type TestApi } from './helpers/test-api';

const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

let api: TestApi;
let browser: Browser;
let storefront: Storefront;
let stranger: Storefront;
let shop: Shop;
let quiet: Shop;
let key: string;
let quietKey: string;
let admin: string;
let productId: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  [api, browser, storefront, stranger] = await Promise.all([startTestApi(), launchChromium(), startStorefront(), startStorefront()]);
  const tenant = await createTenant(api.deps.db, 2);
  [shop, quiet] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId })) as [Shop, Shop];
  // Only the storefront origin is allowed: `stranger` is another port, hence another origin.
  key = (await createPublishableKey(api.deps.db, shop, [storefront.origin])).key;
  quietKey = (await createPublishableKey(api.deps.db, quiet, [storefront.origin])).key;
  admin = (await createToken(api.deps.db, shop)).token;
  productId = await createProduct(api.deps.db, shop, 'Trail Runner 2');
  const hour = 3_600_000;
  await createReview(api.deps.db, shop, { productId, rating: 5, body: 'Grippy on wet rock.', createdAt: new Date(Date.now() - 3 * hour) });
  await createReview(api.deps.db, shop, { productId, rating: 4, body: 'Runs a little small.', createdAt: new Date(Date.now() - 2 * hour) });
  await createReview(api.deps.db, shop, { productId, rating: 1, body: 'Still in the moderation queue.', status: 'pending', createdAt: new Date(Date.now() - hour) });
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  await browser?.close();
  await Promise.all([storefront?.close(), stranger?.close()]);
  await api?.close();
});

type Opened = { page: Page; requests: Request[]; errors: string[] };

/** Opens `html` at `path` of `site` in a fresh context, recording requests and page errors. */
const open = async (site: Storefront, path: string, html: string): Promise<Opened> => {
  site.pages.set(path, html);
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const requests: Request[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.origin}${path}`);
  return { page, requests, errors };
};

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });

const widgetsPage = (body: string, scriptAttributes = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trail Runner 2</title>
<script defer src="${api.url}/widgets.js"${scriptAttributes}></script></head>
<body><h1>Trail Runner 2</h1>${body}</body></html>`;

/** The README snippet: queue stub, init, then the async pixel.js from the API's origin. */
const pixelPage = (calls: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script>
  window.sumeru = window.sumeru || function(){(sumeru.q=sumeru.q||[]).push(arguments)};
  ${calls}
</script>
<script async src="${api.url}/pixel.js"></script></head>
<body><h1>Shop</h1></body></html>`;

type PixelGlobal = { sumeru?: ((...args: unknown[]) => void) & { loaded?: boolean }; __xss?: number };

/** Calls `sumeru(...)` in the page once per argument list. */
const pixel = (page: Page, ...calls: unknown[][]) =>
  page.evaluate((list) => {
    for (const args of list) (globalThis as unknown as PixelGlobal).sumeru!(...args);
  }, calls);
const pixelLoaded = (page: Page) => page.evaluate(() => Boolean((globalThis as unknown as PixelGlobal).sumeru?.loaded));
const storedId = (page: Page) => page.evaluate<string | null>("localStorage.getItem('sumeru_aid')");
const cookies = (page: Page) => page.evaluate<string>('document.cookie');

const reviewsOf = (id: string) => `<sumeru-reviews product-id="${id}"></sumeru-reviews>`;

const adminReviews = async () => {
  const res = await call(api, `/api/v1/reviews?filter[product_id]=${productId}&limit=100`, { token: admin });
  expect(res.status).toBe(200);
  return res.body.data as { id: string; attributes: { status: string; title: string | null; body: string; author_name: string; author_email: string } }[];
};

const eventsRequests = (requests: Request[]) => requests.filter((r) => new URL(r.url()).pathname === '/api/public/events');

const storedEventCount = async (target: Shop) =>
  (await withShop(api.deps.db, target.shopId, (tx) => tx.select({ n: count() }).from(schema.pixelEvents)))[0]!.n;

const waitUntil = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('the reviews widget against the real API', () => {
  it('renders the approved reviews only, and a submitted review ends pending in the moderation queue', async () => {
    const { page, requests, errors } = await open(storefront, '/product', widgetsPage(reviewsOf(productId), ` data-key="${key}"`));
    const widget = page.locator('sumeru-reviews');
    await expect.poll(() => widget.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');

    const items = page.getByRole('list', { name: 'Reviews' }).getByRole('listitem');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('Runs a little small.');
    expect(await items.nth(1).textContent()).toContain('Grippy on wet rock.');
    expect(await widget.evaluate((el) => el.shadowRoot!.textContent)).not.toContain('moderation queue');
    expect(await page.getByText('4.5 out of 5').count()).toBe(1);
    expect(await page.getByText('based on 2 reviews').count()).toBe(1);
    // The read went cross-origin to the API, key in the query, no cookies.
    const read = requests.find((r) => r.url().startsWith(`${api.url}/api/public/products/${productId}/reviews`))!;
    expect(new URL(read.url()).searchParams.get('key')).toBe(key);
    expect((await read.allHeaders()).origin).toBe(storefront.origin);
    expect((await read.response())!.status()).toBe(200);
    await shot(page, 'reviews-ready');

    await page.getByRole('radio', { name: '5 stars' }).check();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Best trail shoe');
    await page.getByRole('textbox', { name: 'Review', exact: true }).fill('Did 40 km in them on day one.');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Kai');
    await page.getByRole('textbox', { name: /^Email/ }).fill('kai@example.test');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await expect.poll(() => page.getByText('will appear once it has been approved').count(), { timeout: 10_000 }).toBe(1);
    await shot(page, 'reviews-submitted');

    const submitted = (await adminReviews()).filter((r) => r.attributes.author_email === 'kai@example.test');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.attributes).toMatchObject({ status: 'pending', title: 'Best trail shoe', body: 'Did 40 km in them on day one.', author_name: 'Kai' });
    // Still pending, so a fresh page shows the same two reviews.
    const again = await open(storefront, '/product-again', widgetsPage(reviewsOf(productId), ` data-key="${key}"`));
    await expect.poll(() => again.page.locator('sumeru-reviews').getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await again.page.getByRole('list', { name: 'Reviews' }).getByRole('listitem').count()).toBe(2);
    expect([...errors, ...again.errors]).toEqual([]);
  });

  it('stores hostile review text verbatim and renders it as text: no markup, no script, no header split', async () => {
    const { page, errors } = await open(storefront, '/hostile', widgetsPage(reviewsOf(productId), ` data-key="${key}"`));
    await expect.poll(() => page.locator('sumeru-reviews').getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    const title = '<script>window.__xss=3</script>%0d%0aSet-Cookie: a=b';
    const body = '<img src=x onerror="window.__xss=1">\nX-Injected: yes\r\nSet-Cookie: session=stolen\n<svg onload="window.__xss=2">';
    const name = 'Eve\u2028<b>bold</b>';
    await page.getByRole('radio', { name: '3 stars' }).check();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page.getByRole('textbox', { name: 'Review', exact: true }).fill(body);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('textbox', { name: /^Email/ }).fill('eve@example.test');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await expect.poll(() => page.getByText('will appear once it has been approved').count(), { timeout: 10_000 }).toBe(1);

    // The form sends the textarea's value (line breaks normalised to \n by the browser).
    const stored = (await adminReviews()).find((r) => r.attributes.author_email === 'eve@example.test')!;
    expect(stored.attributes).toMatchObject({ status: 'pending', title, body: body.replace(/\r\n/g, '\n'), author_name: name });

    // A carriage return sent straight from the storefront origin is kept verbatim too.
    const direct = await page.evaluate(async ({ apiUrl, key, productId }) => {
      const res = await fetch(`${apiUrl}/api/public/reviews?key=${key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sumeru-Key': key },
        body: JSON.stringify({ product_id: productId, rating: 2, title: 'a\r\nLocation: https://evil.example', body: 'line\r\nSet-Cookie: x=1', author_name: 'Mal', author_email: 'mal@example.test' }),
      });
      return { status: res.status, injected: res.headers.get('location') ?? res.headers.get('x-injected') };
    }, { apiUrl: api.url, key, productId });
    expect(direct).toEqual({ status: 201, injected: null });
    const mal = (await adminReviews()).find((r) => r.attributes.author_email === 'mal@example.test')!;
    expect(mal.attributes).toMatchObject({ status: 'pending', title: 'a\r\nLocation: https://evil.example', body: 'line\r\nSet-Cookie: x=1' });

    // Approved through the admin API, it is rendered by the widget as plain text.
    expect((await call(api, `/api/v1/reviews/${stored.id}/approve`, { method: 'POST', token: admin })).status).toBe(200);
    const shown = await open(storefront, '/hostile-approved', widgetsPage(reviewsOf(productId), ` data-key="${key}"`));
    const widget = shown.page.locator('sumeru-reviews');
    await expect.poll(() => widget.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    const first = shown.page.getByRole('list', { name: 'Reviews' }).getByRole('listitem').first();
    expect(await first.getByRole('heading').textContent()).toBe(title);
    const text = await first.textContent();
    expect(text).toContain('<img src=x onerror="window.__xss=1">');
    expect(text).toContain('<svg onload="window.__xss=2">');
    expect(text).toContain('Eve\u2028<b>bold</b>');
    expect(await widget.evaluate((el) => el.shadowRoot!.querySelectorAll('img, svg, script, b').length)).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await shown.page.evaluate(() => (globalThis as unknown as PixelGlobal).__xss)).toBeUndefined();
    expect(await cookies(shown.page)).toBe('');
    await shot(shown.page, 'reviews-hostile-text');
    expect([...errors, ...shown.errors]).toEqual([]);
  });

  it('refuses a page on a disallowed origin, and the widget shows its graceful state', async () => {
    // No key at all from an origin that is on no allow-list: the API refuses (401, no CORS headers).
    const keyless = await open(stranger, '/keyless', widgetsPage(reviewsOf(productId)));
    const widget = keyless.page.locator('sumeru-reviews');
    await expect.poll(() => widget.getAttribute('data-state'), { timeout: 10_000 }).toMatch(/^(error|unavailable)$/);
    expect(await keyless.page.getByText(/Reviews (could not be loaded|are unavailable)\./).count()).toBe(1);
    expect(await widget.evaluate((el) => el.shadowRoot!.querySelectorAll('li, form').length)).toBe(0);
    await shot(keyless.page, 'reviews-refused-origin');

    // The shop's key from that origin: the allow-list refuses it as well (403).
    const withKey = await open(stranger, '/stolen-key', widgetsPage(reviewsOf(productId), ` data-key="${key}"`));
    await expect.poll(() => withKey.page.locator('sumeru-reviews').getAttribute('data-state'), { timeout: 10_000 }).toMatch(/^(error|unavailable)$/);
    expect(await withKey.page.locator('sumeru-reviews').evaluate((el) => el.shadowRoot!.querySelectorAll('li, form').length)).toBe(0);

    // What the API answered, from its own request log: 403 for the key from that origin, 401 without one.
    const answered = (pathStart: string) =>
      api.logs
        .filter((l) => typeof (l.req as { url?: string } | undefined)?.url === 'string' && (l.req as { url: string }).url.startsWith(pathStart))
        .map((l) => (l.res as { status?: number } | undefined)?.status)
        .filter((s) => s !== undefined);
    await expect.poll(() => answered(`/api/public/products/${productId}/reviews?key=`).includes(403)).toBe(true);
    expect(answered(`/api/public/products/${productId}/reviews`).filter((s) => s === 401)).not.toHaveLength(0);
    expect([...keyless.errors, ...withKey.errors]).toEqual([]);
  });
});

describe('the pixel against the real API', () => {
  it('sends page_view and added_to_cart, then identify, and the customer’s timeline shows all of them', async () => {
    const [customer] = await createCustomers(api.deps.db, shop, 1, () => ({ email: 'pixel-buyer@example.test' }));
    const { page, requests, errors } = await open(storefront, '/pdp', pixelPage(`sumeru('init', '${key}');`));
    await expect.poll(() => pixelLoaded(page)).toBe(true);
    await pixel(page, ['track', 'added_to_cart', { product_id: productId, quantity: 1, price: 49.9 }], ['flush']);
    await expect.poll(() => eventsRequests(requests).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const anonymousId = await storedId(page);
    expect(anonymousId).toMatch(/^[0-9a-f-]{36}$/);
    // Before identify the events are stored but belong to nobody.
    const stored = await waitUntil(
      () => withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.pixelEvents).where(eq(schema.pixelEvents.anonymousId, anonymousId!))),
      (rows) => rows.length >= 2,
    );
    expect(stored.map((r) => r.name).sort()).toEqual(['added_to_cart', 'page_view']);
    expect(stored.find((r) => r.name === 'page_view')!.url).toBe(`${storefront.origin}/pdp`);
    const before = await call(api, `/api/v1/customers/${customer!.id}/events`, { token: admin });
    expect(before.body.data).toEqual([]);

    await pixel(page, ['identify', { email: 'Pixel-Buyer@example.test' }], ['flush']);
    const timeline = await waitUntil(
      () => call(api, `/api/v1/customers/${customer!.id}/events`, { token: admin }),
      (res) => res.body?.data?.length >= 3,
    );
    expect(timeline.status).toBe(200);
    const names = timeline.body.data.map((e: { attributes: { name: string } }) => e.attributes.name);
    expect(names).toEqual(['identify', 'added_to_cart', 'page_view']);
    expect(timeline.body.data.every((e: { attributes: { anonymous_id: string } }) => e.attributes.anonymous_id === anonymousId)).toBe(true);
    expect(timeline.body.data[1].attributes.properties).toMatchObject({ product_id: productId, quantity: 1 });
    // Every batch went to the API's own origin as a beacon with the key in the query, and was accepted.
    for (const r of eventsRequests(requests)) {
      expect(new URL(r.url()).origin).toBe(api.url);
      expect(new URL(r.url()).searchParams.get('key')).toBe(key);
    }
    await expect.poll(() => api.logs.filter((l) => (l.req as { url?: string } | undefined)?.url?.startsWith('/api/public/events') && (l.res as { status?: number } | undefined)?.status === 202).length).toBeGreaterThanOrEqual(2);
    await shot(page, 'pixel-identified');
    expect(errors).toEqual([]);
  });

  it('sends nothing while consent is required and not given, and the held events only once it is', async () => {
    expect(await storedEventCount(quiet)).toBe(0);
    const { page, requests, errors } = await open(storefront, '/consent', pixelPage(`sumeru('init', '${quietKey}', { requireConsent: true });`));
    await expect.poll(() => pixelLoaded(page)).toBe(true);
    await pixel(page, ['track', 'added_to_cart', { product_id: 'prd_x' }], ['identify', { email: 'nobody@example.test' }], ['flush']);
    await page.evaluate("document.dispatchEvent(new Event('visibilitychange')); window.dispatchEvent(new Event('pagehide'))");
    // Longer than the pixel's 2 s batching delay.
    await page.waitForTimeout(2_500);
    expect(eventsRequests(requests)).toEqual([]);
    expect(await storedEventCount(quiet)).toBe(0);
    expect(await storedId(page)).toBeNull();
    expect(await cookies(page)).toBe('');
    await shot(page, 'pixel-no-consent');

    // The control: the same page sends the held events as soon as consent is given.
    await pixel(page, ['consent', true], ['flush']);
    await expect.poll(() => eventsRequests(requests).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const n = await waitUntil(() => storedEventCount(quiet), (v) => v >= 3);
    expect(n).toBe(3);
    expect(errors).toEqual([]);
  });

  it('a declined consent drops what was held and sends nothing afterwards', async () => {
    const { page, requests } = await open(storefront, '/declined', pixelPage(`sumeru('init', '${quietKey}', { requireConsent: true });`));
    await expect.poll(() => pixelLoaded(page)).toBe(true);
    const before = await storedEventCount(quiet);
    await pixel(page, ['track', 'checkout_started', {}], ['consent', false], ['track', 'added_to_cart', {}], ['flush']);
    await page.evaluate("window.dispatchEvent(new Event('pagehide'))");
    await page.waitForTimeout(2_500);
    expect(eventsRequests(requests)).toEqual([]);
    expect(await storedEventCount(quiet)).toBe(before);
  });
});

describe('the offer widgets against the real API', () => {
  // Products with prices the assertions can add up: the shoe is `productId` (49.90).
  const ids: Record<'socks' | 'vest' | 'laces' | 'flask', string> = { socks: '', vest: '', laces: '', flask: '' };
  let bundleId: string;
  let pageRuleId: string;
  let cartRuleId: string;
  let quizId: string;

  const pricedProduct = async (title: string, price: string) => {
    const id = await createProduct(api.deps.db, shop, title);
    await withShop(api.deps.db, shop.shopId, (tx) => tx.update(schema.products).set({ price }).where(eq(schema.products.id, id)));
    return id;
  };
  /** Seeds through the admin API, as a shop's integration would. */
  const bulk = async (resource: string, items: unknown[]) => {
    const res = await call(api, `/api/v1/${resource}/bulk`, { token: admin, method: 'POST', body: { data: items } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.rejected_count, res.text).toBe(0);
    return res.body.data.items.map((i: { id: string }) => i.id) as string[];
  };

  beforeAll(async () => {
    ids.socks = await pricedProduct('Merino Socks', '12.50');
    ids.vest = await pricedProduct('Running Vest', '60.00');
    ids.laces = await pricedProduct('Spare Laces', '4.00');
    ids.flask = await pricedProduct('Soft Flask', '15.00');
    [bundleId] = (await bulk('bundles', [
      { external_id: 'e2e-kit', name: 'Trail kit', description: 'Shoe and socks', product_ids: [productId, ids.socks], discount_type: 'percentage', discount_value: 10 },
    ])) as [string];
    [pageRuleId, cartRuleId] = (await bulk('upsell-rules', [
      { external_id: 'e2e-laces', name: 'Laces for the shoe', headline: 'Spare laces for your shoes', trigger_product_ids: [productId], offer_product_ids: [ids.laces], discount_type: 'fixed_amount', discount_value: 1, priority: 3 },
      { external_id: 'e2e-big-cart', name: 'Big carts', headline: 'A flask for big carts', offer_product_ids: [ids.flask, ids.socks], minimum_cart_total: 100, discount_type: 'percentage', discount_value: 20, priority: 5 },
    ])) as [string, string];
    [quizId] = (await bulk('quizzes', [{
      external_id: 'e2e-finder', title: 'Find your trail kit', max_recommendations: 2,
      questions: [
        { id: 'terrain', text: 'Where do you run?', answers: [{ id: 'road', text: 'Road', product_ids: [ids.socks] }, { id: 'trail', text: 'Trail', product_ids: [ids.vest] }] },
        { id: 'distance', text: 'How far?', answers: [{ id: 'short', text: '5 km', product_ids: [ids.laces] }, { id: 'long', text: 'Ultra', product_ids: [ids.vest, ids.flask] }] },
      ],
    }])) as [string];
  });

  const captureCartEvents = `<script>window.cartEvents = []; document.addEventListener('sumeru:add-to-cart', (e) => window.cartEvents.push(e.detail));</script>`;
  const cartEvents = (page: Page) => page.evaluate(() => (globalThis as unknown as { cartEvents: unknown[] }).cartEvents);
  /** Every public call the page made answered 200 (or 201 for a claim). */
  const publicStatuses = async (requests: Request[]) =>
    Promise.all(requests.filter((r) => new URL(r.url()).pathname.startsWith('/api/public/') && r.method() !== 'OPTIONS').map(async (r) => (await r.response())?.status()));

  it('<sumeru-bundle-offer> shows the bundle with its real prices and adds both products to the cart', async () => {
    const { page, requests, errors } = await open(storefront, '/bundle', widgetsPage(`${captureCartEvents}<sumeru-bundle-offer product-id="${productId}" product-url="/products/{handle}"></sumeru-bundle-offer>`, ` data-key="${key}"`));
    const widget = page.locator('sumeru-bundle-offer');
    await expect.poll(() => widget.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await widget.getByRole('heading', { name: 'Trail kit' }).count()).toBe(1);
    expect(await widget.getByRole('list', { name: 'Items in Trail kit' }).getByRole('listitem').allTextContents()).toEqual(['Trail Runner 2', 'Merino Socks']);
    // 49.90 + 12.50 = 62.40; 10 % off saves 6.24: 56.16.
    expect(await widget.getByText('€56.16').count()).toBe(1);
    expect(await widget.getByText('was €62.40').count()).toBe(1);
    expect(await widget.getByText('You save €6.24').count()).toBe(1);
    expect(await widget.getByRole('link', { name: 'Merino Socks' }).getAttribute('href')).toBe(`${storefront.origin}/products/${ids.socks.toLowerCase()}`);
    await widget.getByRole('button', { name: 'Add bundle to cart' }).click();
    expect(await cartEvents(page)).toEqual([{ source: 'bundle', offer_id: bundleId, items: [{ product_id: productId, quantity: 1 }, { product_id: ids.socks, quantity: 1 }] }]);
    expect(await publicStatuses(requests)).toEqual([200]);
    await shot(page, 'bundle-offer-ready');
    expect(errors).toEqual([]);
  });

  it('<sumeru-upsell-offer> offers the product page’s rule, and on a cart the rules its products and total select', async () => {
    const { page, requests, errors } = await open(storefront, '/upsell', widgetsPage(
      `${captureCartEvents}<section id="pdp"><sumeru-upsell-offer product-id="${productId}"></sumeru-upsell-offer></section>`
      + `<section id="cart"><sumeru-upsell-offer product-ids="${productId},${ids.socks}" cart-total="124.80"></sumeru-upsell-offer></section>`
      + `<section id="small-cart"><sumeru-upsell-offer product-ids="${ids.vest}" cart-total="60.00"></sumeru-upsell-offer></section>`,
      ` data-key="${key}"`,
    ));
    const pdp = page.locator('#pdp sumeru-upsell-offer');
    const cart = page.locator('#cart sumeru-upsell-offer');
    await expect.poll(() => pdp.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    await expect.poll(() => cart.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    // Nothing matches a 60.00 cart without the shoe: the widget renders nothing.
    await expect.poll(() => page.locator('#small-cart sumeru-upsell-offer').getAttribute('data-state'), { timeout: 10_000 }).toBe('empty');

    // Product page: only the rule triggered by the shoe (the big-cart rule needs a cart total).
    expect(await pdp.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Spare laces for your shoes']);
    const laces = pdp.locator('[part="product"]');
    expect(await laces.getByRole('heading').allTextContents()).toEqual(['Spare Laces']);
    expect(await laces.locator('[part="price"]').textContent()).toBe('€3.00');
    expect(await laces.getByText('was €4.00').count()).toBe(1);
    await pdp.getByRole('button', { name: 'Add to cart: Spare Laces' }).click();

    // Cart of shoe and socks, 124.80: the big-cart rule first (priority 5) without the socks already in the cart, then the laces.
    expect(await cart.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['A flask for big carts', 'Spare laces for your shoes']);
    expect(await cart.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Soft Flask', 'Spare Laces']);
    expect(await cart.locator('[part="product"]').first().locator('[part="price"]').textContent()).toBe('€12.00');
    await cart.getByRole('button', { name: 'Add to cart: Soft Flask' }).click();

    expect(await cartEvents(page)).toEqual([
      { source: 'upsell', offer_id: pageRuleId, items: [{ product_id: ids.laces, quantity: 1 }] },
      { source: 'upsell', offer_id: cartRuleId, items: [{ product_id: ids.flask, quantity: 1 }] },
    ]);
    const asked = requests.filter((r) => new URL(r.url()).pathname === '/api/public/upsells').map((r) => Object.fromEntries(new URL(r.url()).searchParams));
    expect(asked).toEqual(expect.arrayContaining([
      { key, product_ids: productId },
      { key, product_ids: `${productId},${ids.socks}`, cart_total: '124.80' },
      { key, product_ids: ids.vest, cart_total: '60.00' },
    ]));
    expect(asked).toHaveLength(3);
    expect(await publicStatuses(requests)).toEqual([200, 200, 200]);
    await shot(page, 'upsell-offer-ready');
    expect(errors).toEqual([]);
  });

  it('<sumeru-quiz> sends the chosen answers and shows the products the quiz recommends for them', async () => {
    const { page, requests, errors } = await open(storefront, '/quiz', widgetsPage(`<sumeru-quiz quiz-id="${quizId}"></sumeru-quiz>`, ` data-key="${key}"`));
    const widget = page.locator('sumeru-quiz');
    await expect.poll(() => widget.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await widget.getByRole('form', { name: 'Find your trail kit' }).count()).toBe(1);
    await widget.getByRole('group', { name: 'Where do you run?' }).getByRole('radio', { name: 'Trail' }).check();
    await widget.getByRole('group', { name: 'How far?' }).getByRole('radio', { name: 'Ultra' }).check();
    await widget.getByRole('button', { name: 'See my recommendations' }).click();
    await expect.poll(() => widget.getByRole('heading', { name: 'Recommended for you' }).count(), { timeout: 10_000 }).toBe(1);
    // The vest has two votes (trail, ultra), the flask one.
    const cards = widget.locator('[part="product"]');
    expect(await cards.getByRole('heading').allTextContents()).toEqual(['Running Vest', 'Soft Flask']);
    expect(await cards.locator('[part="price"]').allTextContents()).toEqual(['€60.00', '€15.00']);
    expect(await widget.getByRole('status').textContent()).toBe('2 recommendations.');
    const post = requests.find((r) => r.method() === 'POST' && new URL(r.url()).pathname === `/api/public/quizzes/${quizId}/answers`)!;
    expect(post.postDataJSON()).toEqual({ answers: { terrain: 'trail', distance: 'long' } });
    expect(await publicStatuses(requests)).toEqual([200, 200]);
    await shot(page, 'quiz-recommendations');

    await widget.getByRole('button', { name: 'Start over' }).click();
    await expect.poll(() => widget.getByRole('form', { name: 'Find your trail kit' }).count(), { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
  });

  it('<sumeru-referral-share> shows the customer’s code and share link, and counts a friend’s claim', async () => {
    await withAgency(api.deps.db, shop.agencyId, (tx) => tx.update(schema.shops).set({ domain: 'trail-shop.example' }).where(eq(schema.shops.id, shop.shopId)));
    const [customer] = await createCustomers(api.deps.db, shop, 1, () => ({ email: 'referrer@example.test' }));
    const html = widgetsPage(`<sumeru-referral-share customer-id="${customer!.id}" customer-email="Referrer@example.test"></sumeru-referral-share>`, ` data-key="${key}"`);
    const { page, requests, errors } = await open(storefront, '/account', html);
    const widget = page.locator('sumeru-referral-share');
    await expect.poll(() => widget.getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    const [stored] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.referralCodes).where(eq(schema.referralCodes.customerId, customer!.id)));
    expect(stored).toBeDefined();
    expect(await widget.getByRole('textbox', { name: 'Your referral link' }).inputValue()).toBe(`https://trail-shop.example/?ref=${stored!.code}`);
    expect(await widget.locator('[part="code"]').textContent()).toBe(stored!.code);
    expect(await widget.locator('[part="claims"]').count()).toBe(0);
    expect(await publicStatuses(requests)).toEqual([200]);
    await shot(page, 'referral-share-ready');

    // A friend claims the code from the storefront; the widget then counts the claim.
    const claim = await page.evaluate(async ({ apiUrl, key, code }) => {
      const res = await fetch(`${apiUrl}/api/public/referrals/claim?key=${key}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sumeru-Key': key }, body: JSON.stringify({ code, email: 'friend@example.test' }) });
      return res.status;
    }, { apiUrl: api.url, key, code: stored!.code });
    expect(claim).toBe(201);
    const again = await open(storefront, '/account-again', html);
    await expect.poll(() => again.page.locator('sumeru-referral-share').getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await again.page.getByText('1 friend has used your code.').count()).toBe(1);
    expect(await again.page.getByRole('textbox', { name: 'Your referral link' }).inputValue()).toBe(`https://trail-shop.example/?ref=${stored!.code}`);
    expect([...errors, ...again.errors]).toEqual([]);
  });
});
