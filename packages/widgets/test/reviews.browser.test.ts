// <sumeru-reviews> from dist/widgets.js in real headless Chromium, against the receiver harness
// on another origin standing in for the API (see support/widget-page.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '@sumeru/browser-testing';
import { errorEnvelope, json, KEY, startWidgetHarness } from './support/widget-page';

const review = (id: string, attributes: Record<string, unknown>) => ({
  id,
  type: 'review',
  attributes: { rating: 5, title: 'Great', body: 'Lovely', author_name: 'Ada', verified_buyer: false, created_at: '2026-11-20T10:00:00.000Z', ...attributes },
});
const page1 = {
  data: [
    review('rev_1', { rating: 4, title: 'Comfortable <b>shoes</b>', body: '<img src=x onerror="window.__xss=1">\nSecond line', author_name: 'Ada <script>window.__xss=2</script>', verified_buyer: true }),
    review('rev_2', { rating: 2, title: '', body: 'Too small', author_name: 'Grace' }),
  ],
  meta: { rating_summary: { count: 3, average: 3.7, distribution: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 1 } } },
  pagination: { next_cursor: 'cur_2', has_next: true },
};
const page2 = { ...page1, data: [review('rev_3', { body: 'Third review' })], pagination: { next_cursor: null, has_next: false } };

const api = (req: RecordedRequest) => {
  const url = new URL(req.url, 'http://x');
  if (req.method === 'GET' && url.pathname === '/api/public/products/prod_1/reviews') return json(url.searchParams.get('cursor') === 'cur_2' ? page2 : page1);
  if (req.method === 'GET' && url.pathname === '/api/public/products/prod_empty/reviews') {
    return json({ data: [], meta: { summary: { count: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } } }, pagination: { next_cursor: null, has_next: false } });
  }
  if (req.method === 'GET' && url.pathname === '/api/public/products/prod_refused/reviews') return errorEnvelope(403, 'forbidden', 'Origin not allowed');
  if (req.method === 'POST' && url.pathname === '/api/public/reviews') {
    const body = JSON.parse(req.body);
    if (body.title === 'invalid') return errorEnvelope(422, 'validation_failed', 'Body is too short');
    return json({ data: { id: 'rev_new', type: 'review', attributes: { status: 'pending', ...body } } }, 201);
  }
  return errorEnvelope(404, 'not_found', 'Not found');
};

let harness: Awaited<ReturnType<typeof startWidgetHarness>>;
beforeAll(async () => {
  harness = await startWidgetHarness();
});
afterAll(async () => {
  await harness?.close();
});

const reviewsOf = (productId: string) => `<sumeru-reviews product-id="${productId}"></sumeru-reviews>`;

describe('<sumeru-reviews>', () => {
  it('renders the summary and the reviews served by the API, data as text only', async () => {
    const page = await harness.open(reviewsOf('prod_1'), api);
    const widget = page.locator('sumeru-reviews');
    await expect.poll(() => widget.getAttribute('data-state')).toBe('ready');

    const [get] = harness.receiver.requests;
    expect(get!.method).toBe('GET');
    expect(get!.url).toBe(`/api/public/products/prod_1/reviews?key=${KEY}`);
    expect(get!.headers.origin).toBe(harness.storefront.origin);
    expect(get!.headers.cookie).toBeUndefined();

    const items = page.getByRole('list', { name: 'Reviews' }).getByRole('listitem');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).getByRole('heading').textContent()).toBe('Comfortable <b>shoes</b>');
    expect(await items.nth(0).textContent()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await items.nth(0).textContent()).toContain('Ada <script>window.__xss=2</script>');
    expect(await items.nth(0).textContent()).toContain('Verified buyer');
    expect(await items.nth(0).textContent()).toContain('Rated 4 out of 5');
    expect(await widget.evaluate((el) => el.shadowRoot!.querySelectorAll('img, b, script').length)).toBe(0);
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();

    expect(await widget.textContent()).toBe('');
    await expect.poll(() => page.getByText('3.7 out of 5').count()).toBe(1);
    expect(await page.getByText('based on 3 reviews').count()).toBe(1);
    expect(await page.getByRole('progressbar', { name: '4 stars: 1 review' }).getAttribute('value')).toBe('1');
    expect(harness.errors).toEqual([]);
  });

  it('loads the next page by cursor when "Show more reviews" is pressed', async () => {
    const page = await harness.open(reviewsOf('prod_1'), api);
    const more = page.getByRole('button', { name: 'Show more reviews' });
    await more.click();
    await expect.poll(() => page.getByRole('list', { name: 'Reviews' }).getByRole('listitem').count()).toBe(3);
    expect(harness.receiver.requests.map((r) => r.url)).toEqual([
      `/api/public/products/prod_1/reviews?key=${KEY}`,
      `/api/public/products/prod_1/reviews?key=${KEY}&cursor=cur_2`,
    ]);
    expect(await more.isHidden()).toBe(true);
  });

  it('submits the contract body with the key header, by keyboard, and shows the pending state', async () => {
    const page = await harness.open(reviewsOf('prod_1'), api);
    await page.getByRole('radio', { name: '1 star', exact: true }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fits well');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Good for <b>long</b> walks');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ada');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ada@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('#1042');
    await page.keyboard.press('Enter');

    const pending = page.getByText('Thank you! Your review was received and will appear once it has been approved.');
    await expect.poll(() => pending.count()).toBe(1);
    expect(await pending.getAttribute('role')).toBe('status');
    expect(await page.locator('sumeru-reviews').evaluate((el) => el.shadowRoot!.activeElement?.textContent)).toContain('Thank you!');
    expect(await page.getByRole('form').count()).toBe(0);

    const post = harness.receiver.requests.find((r) => r.method === 'POST')!;
    // The key rides in the URL too: a CORS preflight carries no header values.
    expect(post.url).toBe(`/api/public/reviews?key=${KEY}`);
    expect(post.headers['x-sumeru-key']).toBe(KEY);
    expect(post.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post.body)).toEqual({
      product_id: 'prod_1', rating: 4, title: 'Fits well', body: 'Good for <b>long</b> walks', author_name: 'Ada', author_email: 'ada@example.com', order_reference: '#1042',
    });
  });

  it('labels every field, leaves out an empty order number, and sends nothing while required fields are empty', async () => {
    const page = await harness.open(reviewsOf('prod_empty'), api);
    await expect.poll(() => page.locator('sumeru-reviews').getAttribute('data-state')).toBe('empty');
    expect(await page.getByText('No reviews yet. Be the first to write one.').count()).toBe(1);
    expect(await page.getByRole('form', { name: 'Write a review' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Rating' }).getByRole('radio').count()).toBe(5);

    await page.getByRole('button', { name: 'Submit review' }).click();
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.receiver.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await page.getByRole('radio', { name: '5 stars' }).check();
    await page.getByRole('textbox', { name: 'Title' }).fill('Solid');
    await page.getByRole('textbox', { name: 'Review' }).fill('Does the job');
    await page.getByRole('textbox', { name: 'Name' }).fill('Grace');
    await page.getByRole('textbox', { name: 'Email' }).fill('grace@example.com');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await harness.receiver.waitFor((r) => r.some((x) => x.method === 'POST'));
    const post = harness.receiver.requests.find((r) => r.method === 'POST')!;
    expect(JSON.parse(post.body)).toEqual({ product_id: 'prod_empty', rating: 5, title: 'Solid', body: 'Does the job', author_name: 'Grace', author_email: 'grace@example.com' });
  });

  it('shows the server message of a 422 in an alert and keeps the form', async () => {
    const page = await harness.open(reviewsOf('prod_1'), api);
    await page.getByRole('radio', { name: '3 stars' }).check();
    await page.getByRole('textbox', { name: 'Title' }).fill('invalid');
    await page.getByRole('textbox', { name: 'Review' }).fill('x');
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Body is too short');
    expect(await page.getByRole('form', { name: 'Write a review' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Submit review' }).isEnabled()).toBe(true);
  });

  it('falls back to a quiet "unavailable" state when the API refuses the shop (403)', async () => {
    const page = await harness.open(reviewsOf('prod_refused'), api);
    const widget = page.locator('sumeru-reviews');
    await expect.poll(() => widget.getAttribute('data-state')).toBe('unavailable');
    expect(await page.getByRole('status').textContent()).toBe('Reviews are unavailable.');
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('list').count()).toBe(0);
    expect(harness.errors).toEqual([]);
  });

  it('reports a network failure as an error state rather than throwing', async () => {
    const page = await harness.open('<sumeru-reviews product-id="prod_1" data-api="http://127.0.0.1:9"></sumeru-reviews>', api);
    const widget = page.locator('sumeru-reviews');
    await expect.poll(() => widget.getAttribute('data-state')).toBe('error');
    expect(await page.getByRole('status').textContent()).toBe('Reviews could not be loaded.');
    expect(harness.receiver.requests).toHaveLength(0);
  });
});
