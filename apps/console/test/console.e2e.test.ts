import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@sumeru/demo';
import { addOperator, openSuperuser } from '../../api/test/console-client';
import { call, startTestApi, TEST_SECRET, type TestApi } from '../../api/test/helpers/test-api';

/**
 * The built console (apps/console/dist, `pnpm test` builds it first) served by the real API in
 * production mode on real PostgreSQL, driven in Debian's headless Chromium.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.resolve(here, '../test-results/screenshots');
const CHROMIUM = '/usr/bin/chromium';

let api: TestApi;
let hooksApi: TestApi;
let hooksBase: string;
let browser: Browser;
let base: string;
let demo: Awaited<ReturnType<typeof seedDemo>>;

/** A real webhook receiver on loopback: `/ok` answers 200, `/gone` answers 410 (which disables the endpoint). */
const received: { path: string; body: string }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
    if (req.url === '/gone') res.writeHead(410).end('gone for good');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks from the e2e receiver');
  });
});
let receiverBase: string;

/** A screenshot of the view, which must also fit its viewport's width (no sideways scrolling). */
const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const [scroll, viewport] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${name} overflows sideways`).toBeLessThanOrEqual(viewport!);
};

const signIn = async (page: Page, email: string, password: string, origin = base) => {
  await page.goto(`${origin}/`);
  await page.waitForURL('**/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Shops' }).waitFor();
};

beforeAll(async () => {
  if (!existsSync(path.resolve(here, '../dist/index.html'))) throw new Error('apps/console/dist is missing: run `pnpm --filter @sumeru/console build` (its test script does)');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  api = await startTestApi({ NODE_ENV: 'production', USAGE_FLUSH_MS: '200' });
  api.deps.usage.start();
  // The demo operator with the production password hashing, as `pnpm start` seeds it.
  demo = await seedDemo(api.deps.db, { platformSecret: TEST_SECRET, customersPerShop: 30, ordersPerShop: 60, productsPerShop: 12 });
  // localhost (not 127.0.0.1): the production cookie is Secure + __Host-, which Chromium accepts over http only on localhost.
  base = api.url.replace('127.0.0.1', 'localhost');
  // Webhooks to the loopback receiver: production refuses private targets (config error), so the
  // webhook scenario runs against a second API over the same database and the same built bundle,
  // in development mode, with the real job runner (graphile-worker) delivering, as the worker
  // process (or WORKER_IN_PROCESS) does. Only this instance runs jobs.
  hooksApi = await startTestApi({ NODE_ENV: 'development', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE: '1', WEBHOOK_TIMEOUT_MS: '3000' }, { database: api.database, jobs: true });
  hooksBase = hooksApi.url.replace('127.0.0.1', 'localhost');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hooksApi?.stop();
  await api?.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('console end to end (built bundle, real API, real PostgreSQL, headless Chromium)', () => {
  it('serves the SPA on the API origin without shadowing the API', async () => {
    const html = await fetch(`${base}/shops/anything/tokens`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('<div id="root">');
    const apiMiss = await call(api, '/api/v1/definitely-not-here');
    expect(apiMiss.status).toBe(404);
    expect(apiMiss.body.error.code).toBe('not_found');
    expect((await call(api, '/healthz')).body.status).toBe('ok');
  });

  it('walks an owner through shops, shop views, a token lifecycle and the usage dashboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base)) external.push(request.url());
    });

    await page.goto(`${base}/`);
    await page.waitForURL('**/sign-in');
    await shot(page, '01-sign-in');
    await page.getByLabel('Email').fill(demo.operator.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor();
    await page.getByLabel('Password').fill(demo.operator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Shops' }).waitFor();

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === '__Host-sumeru_session')!;
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });

    // Both demo shops, in the overview table.
    const table = page.getByRole('table', { name: 'Shops of the agency' });
    for (const shop of demo.shops) await table.getByRole('link', { name: shop.name }).waitFor();
    await shot(page, '02-overview');
    // A smaller laptop screen: nothing spills sideways out of the page.
    await page.setViewportSize({ width: 1024, height: 700 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1024);
    await shot(page, '02b-overview-1024');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Create a shop, find it by search, archive it (with confirmation).
    await page.getByRole('button', { name: 'New shop' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Pop-up Store');
    await page.getByRole('dialog').getByRole('button', { name: 'Create shop' }).click();
    await page.getByRole('status').filter({ hasText: 'Shop “Pop-up Store” created.' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pop-up Store' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search shops' }).fill('pop-up');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('row').filter({ hasText: 'Pop-up Store' }).getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Archive shop' }).click();
    await table.getByRole('row').filter({ hasText: 'Pop-up Store' }).getByText('archived').waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pop-up Store' }).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search shops' }).fill('');

    const shop = demo.shops[0]!;
    await table.getByRole('link', { name: shop.name }).click();
    await page.waitForURL(`**/shops/${shop.id}/customers`);
    await page.getByRole('table', { name: 'Customers' }).waitFor();
    await shot(page, '03-shop-customers');
    await page.getByRole('table', { name: 'Customers' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await shot(page, '04-customer-360');

    for (const [tab, table, file] of [['Orders', 'Orders', '05-orders'], ['Products', 'Products and inventory', '06-products']] as const) {
      await page.getByRole('navigation', { name: 'Shop sections' }).getByRole('link', { name: tab }).click();
      await page.getByRole('table', { name: table }).waitFor();
      await shot(page, file);
    }
    for (const [tab, file] of [['Campaigns', '07-campaigns'], ['Journeys', '08-journeys']] as const) {
      await page.getByRole('navigation', { name: 'Shop sections' }).getByRole('link', { name: tab }).click();
      await page.waitForURL(`**/${tab.toLowerCase()}`);
      await page.locator('.tab-panel').locator('table, .state-empty').first().waitFor();
      await shot(page, file);
    }

    // Create a token with customers:read; the secret is shown once.
    await page.getByRole('navigation', { name: 'Shop sections' }).getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('table', { name: 'API tokens' }).waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('E2E customers reader');
    await dialog.getByRole('checkbox', { name: 'customers:read' }).click();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const secret = (await dialog.getByTestId('secret-value').textContent())!.trim();
    expect(secret).toMatch(/^copt_live_[A-Za-z0-9]{36}$/);
    await shot(page, '09-token-secret');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row').filter({ hasText: 'E2E customers reader' });
    await row.waitFor();
    expect(await row.textContent()).toContain(secret.slice(-4));
    expect(await page.content()).not.toContain(secret);

    expect((await call(api, '/api/v1/customers', { token: secret })).status).toBe(200);
    expect((await call(api, '/api/v1/customers?limit=5', { token: secret })).status).toBe(200);
    const denied = await call(api, '/api/v1/orders', { token: secret });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    await shot(page, '10-tokens');

    await row.getByRole('button', { name: 'Revoke E2E customers reader' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke token' }).click();
    await page.getByRole('status').filter({ hasText: 'Token revoked' }).waitFor();
    await row.getByText('revoked').waitFor();
    expect((await call(api, '/api/v1/customers', { token: secret })).status).toBe(401);

    // The usage dashboard shows the three requests the token made (two 200s, one 403; the 401 after
    // revocation belongs to no token), flushed by the recorder every 200 ms.
    await page.getByRole('navigation', { name: 'Shop sections' }).getByRole('link', { name: 'Usage' }).click();
    await expect
      .poll(async () => {
        await page.reload();
        const text = await page.getByTestId('usage-requests').textContent({ timeout: 10_000 });
        return Number(text?.replace(/\D/g, ''));
      }, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    await page.getByRole('heading', { name: 'Per token' }).waitFor();
    await expect.poll(() => page.getByRole('table').filter({ hasText: 'E2E customers reader' }).count()).toBeGreaterThan(0);
    await page.locator('.recharts-surface').first().waitFor();
    await shot(page, '11-usage');

    await page.getByRole('navigation', { name: 'Shop sections' }).getByRole('link', { name: 'Keys & CORS' }).click();
    await page.getByText('pk_live_', { exact: false }).first().waitFor();
    await shot(page, '12-keys');

    await page.getByRole('navigation', { name: 'Shop sections' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('dialog').getByLabel('URL').fill('https://hooks.example.com/sumeru');
    await page.getByRole('dialog').getByRole('checkbox', { name: 'order.created' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Add endpoint' }).click();
    expect((await page.getByRole('dialog').getByTestId('secret-value').textContent())!.trim()).toMatch(/^whsec_/);
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    const endpoint = page.getByRole('article', { name: 'Endpoint https://hooks.example.com/sumeru' });
    await endpoint.waitFor();
    await endpoint.getByRole('button', { name: 'Edit events' }).click();
    await page.getByRole('dialog').getByRole('checkbox', { name: 'campaign.launched' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await endpoint.getByText('campaign.launched').waitFor();
    await shot(page, '13-webhooks');

    await page.getByRole('navigation', { name: 'Shop sections' }).getByRole('link', { name: 'Embed' }).click();
    await page.getByRole('heading', { name: 'Plain HTML — pixel' }).waitFor();
    expect(await page.locator('pre').first().textContent()).toContain(shop.publishable_key);
    await shot(page, '14-embed');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage' }).click();
    await page.getByRole('heading', { name: 'Usage across all shops' }).waitFor();
    await page.getByTestId('usage-requests').waitFor();
    await shot(page, '15-agency-usage');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    expect((await context.cookies()).find((c) => c.name === '__Host-sumeru_session')).toBeUndefined();
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('delivers webhooks to a real receiver, shows each attempt in the log, replays, and re-enables an auto-disabled endpoint', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    await signIn(page, demo.operator.email, demo.operator.password, hooksBase);
    const shop = demo.shops[1]!;
    await page.goto(`${hooksBase}/shops/${shop.id}/webhooks`);
    await page.getByRole('button', { name: 'Add endpoint' }).waitFor();

    const addEndpoint = async (url: string) => {
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('URL').fill(url);
      await dialog.getByRole('checkbox', { name: 'product.updated' }).click();
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      await dialog.getByTestId('secret-value').waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();
      const article = page.getByRole('article', { name: `Endpoint ${url}` });
      await article.getByText('No deliveries yet.').waitFor();
      return article;
    };
    const okUrl = `${receiverBase}/ok`;
    const goneUrl = `${receiverBase}/gone`;
    const ok = await addEndpoint(okUrl);
    const gone = await addEndpoint(goneUrl);

    // An event: a product created through the REST API with a token made through the console's API.
    const secret = await page.evaluate(async (shopId) => {
      const me = await (await fetch('/trpc/session.me')).json();
      const response = await fetch('/trpc/tokens.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.result.data.csrfToken },
        body: JSON.stringify({ shopId, name: 'E2E catalogue writer', scopes: ['products:write'], tier: 'pro' }),
      });
      return (await response.json()).result.data.secret as string;
    }, shop.id);
    expect(hooksApi.jobs).toBeDefined();
    const product = await call(hooksApi, '/api/v1/products', { token: secret, method: 'POST', body: { title: 'E2E webhook mug', price: 12, sku: 'E2E-HOOK-1' } });
    expect(product.status).toBe(201);

    // The delivery shows up in the log once the worker has sent it (bounded wait, refreshing the log).
    const log = page.getByRole('table', { name: `Deliveries to ${okUrl}` });
    await expect.poll(async () => {
      await ok.getByRole('button', { name: 'Refresh' }).click();
      return log.getByRole('row').filter({ hasText: 'product.updated' }).filter({ hasText: 'succeeded' }).count();
    }, { timeout: 20_000, interval: 500 }).toBe(1);
    const row = log.getByRole('row').filter({ hasText: 'product.updated' });
    expect(await row.getByRole('cell').nth(5).textContent()).toBe('200');
    const deliveryId = (await row.getAttribute('data-delivery-id'))!;
    expect(JSON.parse(received.find((r) => r.path === '/ok')!.body)).toMatchObject({ type: 'product.updated', data: { id: product.body.data.id } });

    // The 410 disabled the other endpoint: a notice, its reason, replays refused until it is re-enabled.
    await expect.poll(async () => {
      await page.reload();
      await page.getByRole('article', { name: `Endpoint ${goneUrl}` }).waitFor();
      return page.getByRole('region', { name: 'Notices' }).filter({ hasText: goneUrl }).count();
    }, { timeout: 20_000, interval: 500 }).toBe(1);
    const disabled = gone.getByRole('note', { name: 'Endpoint disabled' });
    await disabled.getByText('the receiver answered 410 Gone').waitFor();
    expect(await gone.getByRole('button', { name: 'Replay failed in range' }).isDisabled()).toBe(true);
    await gone.getByRole('table', { name: `Deliveries to ${goneUrl}` }).getByText('failed').waitFor();
    expect(await gone.getByRole('button', { name: /^Replay delivery / }).isDisabled()).toBe(true);

    // Expand the row from the keyboard: every attempt with its status code and the receiver's answer.
    await row.getByRole('button', { name: `Attempts of delivery ${deliveryId}` }).focus();
    await page.keyboard.press('Enter');
    const attempts = page.getByRole('table', { name: `Attempts of delivery ${deliveryId}` });
    await attempts.getByText('thanks from the e2e receiver').waitFor();
    expect(await attempts.getByRole('row').count()).toBe(2);
    expect(await row.getByRole('button', { name: `Attempts of delivery ${deliveryId}` }).getAttribute('aria-expanded')).toBe('true');
    await shot(page, '13b-webhook-deliveries');

    // Replay the successful delivery: a new delivery of the same event, sent by the worker.
    await row.getByRole('button', { name: `Replay delivery ${deliveryId}` }).click();
    await page.getByRole('status').filter({ hasText: 'Replay queued as' }).waitFor();
    const replayRow = log.getByRole('row').filter({ hasText: `replay of ${deliveryId}` });
    await replayRow.getByText('succeeded').waitFor({ timeout: 20_000 });
    await expect.poll(() => received.filter((r) => r.path === '/ok').length).toBe(2);

    // Nothing failed at /ok, so a range replay finds nothing to send.
    await ok.getByRole('button', { name: 'Replay failed in range' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Replay failed' }).click();
    await page.getByRole('status').filter({ hasText: 'No failed deliveries in that range.' }).waitFor();

    await disabled.getByRole('button', { name: 'Re-enable endpoint' }).click();
    await page.getByRole('status').filter({ hasText: 'Endpoint re-enabled' }).waitFor();
    await expect.poll(() => gone.getByRole('note', { name: 'Endpoint disabled' }).count()).toBe(0);
    await gone.getByText('enabled', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Notices' }).getByRole('button', { name: /^Dismiss notice/ }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Notices' }).count()).toBe(0);
    await shot(page, '13c-webhook-replayed');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('does not let a viewer create a token, in the UI or by calling the API from the page', async () => {
    const viewer = await addOperator(api, demo.agency.id, 'viewer');
    // A smaller laptop screen for this one.
    const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
    const page = await context.newPage();
    await signIn(page, viewer.email, viewer.password);
    const shop = demo.shops[1]!;
    await page.goto(`${base}/shops/${shop.id}/tokens`);
    await page.getByRole('table', { name: 'API tokens' }).waitFor();
    await page.getByText('Viewers cannot create or revoke tokens.').waitFor();
    expect(await page.getByRole('button', { name: 'Create token' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    await shot(page, '16-viewer-tokens');
    // Forge the request the UI would send: right origin, right CSRF token, viewer's session.
    const status = await page.evaluate(async (shopId) => {
      const me = await (await fetch('/trpc/session.me')).json();
      const response = await fetch('/trpc/tokens.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.result.data.csrfToken },
        body: JSON.stringify({ shopId, name: 'forged', scopes: ['customers:read'] }),
      });
      return response.status;
    }, shop.id);
    expect(status).toBe(403);

    // The delivery log of the webhook scenario above (same database): readable, but no replay.
    await page.goto(`${base}/shops/${shop.id}/webhooks`);
    const log = page.getByRole('table', { name: /^Deliveries to http:\/\/127\.0\.0\.1:\d+\/ok$/ });
    await log.getByText('product.updated').first().waitFor();
    expect(await page.getByRole('button', { name: /^Replay/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Re-enable endpoint' }).count()).toBe(0);
    await page.getByText('Viewers cannot replay deliveries.').first().waitFor();
    const deliveryId = await log.locator('tr[data-delivery-id]').first().getAttribute('data-delivery-id');
    const endpointId = await page.evaluate(async (shopId) => {
      const list = await (await fetch(`/trpc/webhooks.list?input=${encodeURIComponent(JSON.stringify({ shopId }))}`)).json();
      return (list.result.data as { id: string; url: string }[]).find((e) => e.url.endsWith('/ok'))!.id;
    }, shop.id);
    const replayStatus = await page.evaluate(async ({ shopId, endpointId, deliveryId }) => {
      const me = await (await fetch('/trpc/session.me')).json();
      const response = await fetch('/trpc/webhooks.replay', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.result.data.csrfToken },
        body: JSON.stringify({ shopId, endpointId, deliveryId }),
      });
      return response.status;
    }, { shopId: shop.id, endpointId, deliveryId });
    expect(replayStatus).toBe(403);
    await shot(page, '16b-viewer-webhooks');

    // The session ends on the server (as idle expiry would): the next request answers 401 and the
    // console goes back to the sign-in page.
    const sql = openSuperuser(api);
    try {
      await sql`delete from operator_sessions s using operators o where o.id = s.operator_id and o.email = ${viewer.email}`;
    } finally {
      await sql.end();
    }
    await page.getByRole('navigation', { name: 'Shop sections' }).getByRole('link', { name: 'Orders' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});
