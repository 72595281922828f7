// The built dist/pixel.js in real headless Chromium. The storefront page and the receiver run on
// two local ports (two origins); the receiver is a test harness standing in for the Sumeru API's
// ingest endpoint: it records what the browser sends and answers 204.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, startReceiver, startStorefront, type RecordedRequest } from '@sumeru/browser-testing';
import { pixelScriptPath } from '../src/asset';

const KEY = 'pk_live_test123';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let browser: Browser;
let storefront: Awaited<ReturnType<typeof startStorefront>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let context: BrowserContext;
let page: Page;

/** The snippet a shop pastes: the queue stub, init, then the async script. */
const snippet = (options: Record<string, unknown> = {}, queued = '') => `<!doctype html><html><head><title>shop</title>
<script>
window.sumeru = window.sumeru || function(){(sumeru.q=sumeru.q||[]).push(arguments)};
sumeru('init', '${KEY}', ${JSON.stringify({ endpoint: receiver.origin, ...options })});
${queued}
</script>
<script async src="/pixel.js"></script></head><body><h1>shop</h1></body></html>`;

const eventsOf = (requests: RecordedRequest[]) => requests.flatMap((r) => JSON.parse(r.body).events as any[]);
const countEvents = (n: number) => (requests: RecordedRequest[]) => eventsOf(requests).length >= n;

beforeAll(async () => {
  browser = await launchChromium();
  storefront = await startStorefront({ '/pixel.js': () => readFileSync(pixelScriptPath, 'utf8') });
  // Like the API, the receiver also serves /pixel.js (for the default-endpoint test).
  receiver = await startReceiver(storefront.origin, (req) =>
    req.url === '/pixel.js' ? { status: 200, body: readFileSync(pixelScriptPath, 'utf8'), type: 'text/javascript' } : undefined);
  storefront.pages.set('/blank', '<!doctype html><title>elsewhere</title>');
});

afterAll(async () => {
  await browser?.close();
  await storefront?.close();
  await receiver?.close();
});

beforeEach(async () => {
  receiver.requests.length = 0;
  context = await browser.newContext();
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

describe('pixel.js in Chromium', () => {
  it('sends a page_view on load in exactly the contract shape, with touchpoints and referrer', async () => {
    storefront.pages.set('/landing', snippet());
    const query = 'utm_source=news&utm_medium=email&utm_campaign=spring&utm_term=shoes&utm_content=hero&gclid=g1&fbclid=f1&ttclid=t1&msclkid=m1';
    await page.goto(`${storefront.origin}/landing?${query}`, { referer: 'https://ref.example/article' });

    const [request] = await receiver.waitFor((r) => r.length >= 1);
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe(`/api/public/events?key=${KEY}`);
    expect(request!.headers['content-type']).toBe('text/plain;charset=UTF-8');
    const body = JSON.parse(request!.body);
    expect(Object.keys(body)).toEqual(['events']);
    expect(body.events).toHaveLength(1);
    const [event] = body.events;
    expect(Object.keys(event).sort()).toEqual(
      ['anonymous_id', 'event_id', 'fbclid', 'gclid', 'msclkid', 'occurred_at', 'properties', 'referrer', 'ttclid', 'type', 'url',
        'utm_campaign', 'utm_content', 'utm_medium', 'utm_source', 'utm_term'].sort(),
    );
    expect(event).toMatchObject({
      type: 'page_view',
      url: `${storefront.origin}/landing?${query}`,
      referrer: 'https://ref.example/article',
      utm_source: 'news', utm_medium: 'email', utm_campaign: 'spring', utm_term: 'shoes', utm_content: 'hero',
      gclid: 'g1', fbclid: 'f1', ttclid: 't1', msclkid: 'm1',
      properties: {},
    });
    expect(event.event_id).toMatch(UUID);
    expect(event.anonymous_id).toMatch(UUID);
    expect(new Date(event.occurred_at).toISOString()).toBe(event.occurred_at);
    expect(await page.evaluate(() => localStorage.getItem('sumeru_aid'))).toBe(event.anonymous_id);
  });

  it('omits touchpoint fields that are absent and sends an empty referrer as ""', async () => {
    storefront.pages.set('/plain', snippet());
    await page.goto(`${storefront.origin}/plain`);
    await page.evaluate(() => (window as any).sumeru('flush'));
    const [event] = eventsOf(await receiver.waitFor(countEvents(1)));
    expect(Object.keys(event).sort()).toEqual(['anonymous_id', 'event_id', 'occurred_at', 'properties', 'referrer', 'type', 'url']);
    expect(event.referrer).toBe('');
  });

  it('sends a page_view on pushState and popstate, but not on a hash-only change', async () => {
    storefront.pages.set('/spa', snippet());
    await page.goto(`${storefront.origin}/spa?utm_source=ad`);
    await page.evaluate(async () => {
      const popped = () => new Promise((r) => addEventListener('popstate', r, { once: true }));
      history.pushState({}, '', '/products/1');
      history.replaceState({ scrolled: true }, '', '/products/1');
      const step = async (go: () => void) => {
        const done = popped();
        go();
        await done;
      };
      await step(() => (location.hash = 'reviews'));
      await step(() => history.back());
      await step(() => history.back());
      (window as any).sumeru('flush');
    });
    const events = eventsOf(await receiver.waitFor(countEvents(3)));
    await sleep(300);
    expect(eventsOf(receiver.requests).map((e) => [e.type, new URL(e.url).pathname, e.referrer && new URL(e.referrer).pathname])).toEqual([
      ['page_view', '/spa', ''],
      ['page_view', '/products/1', '/spa'],
      ['page_view', '/spa', '/products/1'],
    ]);
    // The landing page's UTM parameters stay attached after the SPA drops them from the URL.
    expect(events.map((e) => e.utm_source)).toEqual(['ad', 'ad', 'ad']);
  });

  it('batches track and identify calls and flushes them in one request on pagehide', async () => {
    storefront.pages.set('/cart', snippet());
    await page.goto(`${storefront.origin}/cart`);
    await page.evaluate(() => {
      const sumeru = (window as any).sumeru;
      sumeru('track', 'product_viewed', { product_id: 'prod_1', price: '19.90' });
      sumeru('track', 'added_to_cart', { product_id: 'prod_1', quantity: 2 });
      sumeru('track', 'removed_from_cart', { product_id: 'prod_1', quantity: 1 });
      sumeru('identify', { customer_id: 'cus_42', email: 'ada@example.com' });
      sumeru('track', 'checkout_started', { cart_id: 'cart_9' });
      sumeru('track', 'wishlist_added', { product_id: 'prod_2' });
    });
    expect(receiver.requests).toHaveLength(0);

    await page.goto(`${storefront.origin}/blank`);
    const [request] = await receiver.waitFor((r) => r.length >= 1);
    await sleep(300);
    expect(receiver.requests).toHaveLength(1);
    const events = JSON.parse(request!.body).events;
    expect(events.map((e: any) => e.type)).toEqual(['page_view', 'product_viewed', 'added_to_cart', 'removed_from_cart', 'identify', 'checkout_started', 'custom']);
    expect(events[1].properties).toEqual({ product_id: 'prod_1', price: '19.90' });
    expect(events[2].properties).toEqual({ product_id: 'prod_1', quantity: 2 });
    expect(events[4]).toMatchObject({ customer_id: 'cus_42', email: 'ada@example.com', properties: {} });
    expect(events[4].name).toBeUndefined();
    expect(events[5]).toMatchObject({ customer_id: 'cus_42', properties: { cart_id: 'cart_9' } });
    expect(events[5].email).toBeUndefined();
    expect(events[6]).toMatchObject({ type: 'custom', name: 'wishlist_added', properties: { product_id: 'prod_2' } });
    expect(events[0].customer_id).toBeUndefined();
    expect(new Set(events.map((e: any) => e.event_id)).size).toBe(events.length);
    for (const e of events) expect(e.event_id).toMatch(UUID);
    expect(new Set(events.map((e: any) => e.anonymous_id)).size).toBe(1);
  });

  it('ignores an empty identify and sends non-object properties as {}', async () => {
    storefront.pages.set('/odd', snippet());
    await page.goto(`${storefront.origin}/odd`);
    await page.evaluate(() => {
      const sumeru = (window as any).sumeru;
      sumeru('identify', {});
      sumeru('identify', { customer_id: '' });
      sumeru('track', 'added_to_cart', ['prod_1']);
      sumeru('track', 'checkout_started', 'cart_1');
      sumeru('track', '');
      sumeru('flush');
    });
    const events = eventsOf(await receiver.waitFor(countEvents(3)));
    await sleep(300);
    expect(eventsOf(receiver.requests).map((e) => [e.type, e.properties])).toEqual([['page_view', {}], ['added_to_cart', {}], ['checkout_started', {}]]);
    expect(events.every((e) => !('customer_id' in e) && !('email' in e))).toBe(true);
  });

  it('defaults the endpoint to the origin that served pixel.js, as when the API serves it', async () => {
    storefront.pages.set('/api-served', `<!doctype html><script>
window.sumeru = window.sumeru || function(){(sumeru.q=sumeru.q||[]).push(arguments)};
sumeru('init', '${KEY}'); sumeru('flush');
</script><script async src="${receiver.origin}/pixel.js"></script>`);
    await page.goto(`${storefront.origin}/api-served`);
    const [post] = await receiver.waitFor((r) => r.some((x) => x.method === 'POST')).then((r) => r.filter((x) => x.method === 'POST'));
    expect(post!.url).toBe(`/api/public/events?key=${KEY}`);
    expect(JSON.parse(post!.body).events[0].type).toBe('page_view');
  });

  it('flushes when the page becomes hidden', async () => {
    storefront.pages.set('/hidden', snippet());
    await page.goto(`${storefront.origin}/hidden`);
    await page.evaluate(() => {
      (window as any).sumeru('track', 'checkout_started', { cart_id: 'cart_1' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await sleep(300);
    // Still visible: a visibilitychange alone does not flush.
    expect(receiver.requests).toHaveLength(0);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const [request] = await receiver.waitFor((r) => r.length >= 1, 1000);
    expect(JSON.parse(request!.body).events.map((e: any) => e.type)).toEqual(['page_view', 'checkout_started']);
  });

  it('flushes at once when 10 events are waiting, and the rest after 2 s', async () => {
    storefront.pages.set('/burst', snippet());
    await page.goto(`${storefront.origin}/burst`);
    const started = Date.now();
    await page.evaluate(() => {
      for (let i = 0; i < 10; i++) (window as any).sumeru('track', 'tick', { i });
    });
    const [first] = await receiver.waitFor((r) => r.length >= 1, 1500);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(JSON.parse(first!.body).events).toHaveLength(10);

    const all = await receiver.waitFor((r) => r.length >= 2, 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(JSON.parse(all[1]!.body).events.map((e: any) => e.properties.i)).toEqual([9]);
  });

  it('replays calls queued on the stub before the script loaded, in order', async () => {
    storefront.pages.set('/queued', snippet({}, "sumeru('track', 'product_viewed', { product_id: 'prod_q' }); sumeru('flush');"));
    await page.goto(`${storefront.origin}/queued`);
    const events = eventsOf(await receiver.waitFor(countEvents(2)));
    expect(events.map((e) => [e.type, e.properties.product_id])).toEqual([['page_view', undefined], ['product_viewed', 'prod_q']]);
  });

  it('sends nothing and stores nothing before consent when the shop requires it', async () => {
    storefront.pages.set('/consent', snippet({ requireConsent: true }));
    await page.goto(`${storefront.origin}/consent`);
    await page.evaluate(() => {
      (window as any).sumeru('track', 'added_to_cart', { product_id: 'prod_1' });
      (window as any).sumeru('identify', { email: 'ada@example.com' });
      (window as any).sumeru('flush');
    });
    await sleep(2500);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
    await page.goto(`${storefront.origin}/blank`);
    await sleep(500);
    expect(receiver.requests).toHaveLength(0);
    expect(await context.cookies()).toEqual([]);
  });

  it('hands its anonymous id to the page for checkout stitching, and none before consent', async () => {
    storefront.pages.set('/consent', snippet({ requireConsent: true }));
    await page.goto(`${storefront.origin}/consent`);
    const ask = () => page.evaluate(() => new Promise((resolve) => (window as any).sumeru('anonymousId', resolve)));
    expect(await ask()).toBeNull();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.evaluate(() => (window as any).sumeru('consent', true));
    const id = await ask();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.evaluate(() => localStorage.getItem('sumeru_aid'))).toBe(id);
    await page.evaluate(() => (window as any).sumeru('flush'));
    expect(eventsOf(await receiver.waitFor(countEvents(1)))[0].anonymous_id).toBe(id);
  });

  it('sends held events once consent is granted, and forgets the id when it is withdrawn', async () => {
    storefront.pages.set('/consent', snippet({ requireConsent: true }));
    await page.goto(`${storefront.origin}/consent`);
    await page.evaluate(() => {
      (window as any).sumeru('track', 'product_viewed', { product_id: 'prod_1' });
      (window as any).sumeru('consent', true);
      (window as any).sumeru('flush');
    });
    const events = eventsOf(await receiver.waitFor(countEvents(2)));
    expect(events.map((e) => e.type)).toEqual(['page_view', 'product_viewed']);
    expect(await page.evaluate(() => localStorage.getItem('sumeru_aid'))).toBe(events[0].anonymous_id);

    await page.evaluate(() => {
      (window as any).sumeru('consent', false);
      (window as any).sumeru('track', 'added_to_cart', { product_id: 'prod_1' });
      (window as any).sumeru('flush');
    });
    await sleep(2500);
    expect(eventsOf(receiver.requests)).toHaveLength(2);
    expect(await page.evaluate(() => [localStorage.length, document.cookie])).toEqual([0, '']);
  });

  it('keeps one anonymous id across pages, in a first-party cookie when localStorage is blocked', async () => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
    });
    storefront.pages.set('/a', snippet({}, "sumeru('flush');"));
    storefront.pages.set('/b', snippet({}, "sumeru('flush');"));
    await page.goto(`${storefront.origin}/a`);
    await page.goto(`${storefront.origin}/b`);
    const events = eventsOf(await receiver.waitFor(countEvents(2)));
    expect(events.map((e) => new URL(e.url).pathname)).toEqual(['/a', '/b']);
    expect(events[0].anonymous_id).toMatch(UUID);
    expect(events[1].anonymous_id).toBe(events[0].anonymous_id);
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.value, c.sameSite])).toEqual([['sumeru_aid', events[0].anonymous_id, 'Lax']]);
  });

  it('falls back to fetch with keepalive when sendBeacon is unavailable', async () => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'sendBeacon', { value: undefined });
      const original = window.fetch;
      (window as any).fetchCalls = [];
      window.fetch = (input: any, init?: any) => {
        (window as any).fetchCalls.push({ keepalive: init?.keepalive, credentials: init?.credentials });
        return original(input, init);
      };
    });
    storefront.pages.set('/nobeacon', snippet({}, "sumeru('flush');"));
    await page.goto(`${storefront.origin}/nobeacon`);
    const [request] = await receiver.waitFor((r) => r.length >= 1);
    expect(request!.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(JSON.parse(request!.body).events[0].type).toBe('page_view');
    expect(await page.evaluate(() => (window as any).fetchCalls)).toEqual([{ keepalive: true, credentials: 'omit' }]);
  });
});
