// Server-rendered React wrappers hydrate in Chromium without mismatch, register the elements
// after hydration and wire onAddToCart. The API is the receiver harness on another origin.
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startReceiver, startStorefront } from '@sumeru/browser-testing';
import { App } from './fixtures/react-app';
import type { Browser } from 'playwright-core';

const KEY = 'pk_live_react1';
let browser: Browser;
let storefront: Awaited<ReturnType<typeof startStorefront>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [new URL('./fixtures/react-client.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const client = bundle.outputFiles[0]!.text;
  browser = await launchChromium();
  storefront = await startStorefront({ '/client.js': () => client });
  receiver = await startReceiver(storefront.origin, (req) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path.endsWith('/reviews')) {
      return { status: 200, body: { data: [{ id: 'rev_1', type: 'review', attributes: { rating: 5, title: 'Light', body: 'Fast shoe', author_name: 'Ada', verified_buyer: true, created_at: '2026-11-01T00:00:00Z' } }], meta: { summary: { count: 1, average: 5, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } } }, pagination: { next_cursor: null, has_next: false } } };
    }
    if (path.endsWith('/bundles')) {
      return { status: 200, body: { data: [{ id: 'bun_1', type: 'bundle', attributes: { name: 'Kit', description: null, products: [{ id: 'prod_1', title: 'Shoe', handle: 'shoe', price: 40, currency: 'EUR' }], discount_type: 'fixed_amount', discount_value: 10, currency: 'EUR', regular_price: 40, bundle_price: 30, savings: 10 } }] } };
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'Not found', details: null, request_id: 'req_1' } } };
  });
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
  await receiver?.close();
});

describe('@sumeru/widgets/react in the browser', () => {
  it('hydrates the server markup cleanly and upgrades the elements after hydration', async () => {
    const props = { publishableKey: KEY, apiBase: receiver.origin };
    const markup = renderToString(createElement(App, props));
    storefront.pages.set('/product', `<!doctype html><html lang="en"><head><title>product</title></head><body>
<div id="root">${markup}</div>
<script>window.appProps = ${JSON.stringify(props)};</script><script src="/client.js"></script></body></html>`);
    storefront.pages.set('/favicon.ico', '');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${storefront.origin}/product`);
    await expect.poll(() => page.locator('sumeru-reviews').getAttribute('data-state')).toBe('ready');
    expect(await page.getByRole('list', { name: 'Reviews' }).textContent()).toContain('Fast shoe');
    expect(receiver.requests.map((r) => r.url).sort()).toEqual([`/api/public/products/prod_1/bundles?key=${KEY}`, `/api/public/products/prod_1/reviews?key=${KEY}`]);

    await page.getByRole('button', { name: 'Add bundle to cart' }).click();
    expect(await page.evaluate(() => (window as any).added)).toEqual([{ source: 'bundle', offer_id: 'bun_1', items: [{ product_id: 'prod_1', quantity: 1 }] }]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
