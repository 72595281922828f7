// Shared set-up for the widget browser tests: Chromium, a storefront origin serving
// dist/widgets.js and test pages, and a receiver on another origin that plays the Sumeru API
// (a test harness: it records requests and answers with the canned bodies each test gives it).
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startReceiver, startStorefront, type RecordedRequest } from '@sumeru/browser-testing';
import { widgetsScriptPath } from '../../src/asset';

export const KEY = 'pk_live_widgets1';

type Route = (req: RecordedRequest) => { status: number; body?: unknown } | undefined;

export const startWidgetHarness = async (extraAssets: Record<string, () => string> = {}) => {
  const browser: Browser = await launchChromium();
  const storefront = await startStorefront({ '/widgets.js': () => readFileSync(widgetsScriptPath, 'utf8'), ...extraAssets });
  let route: Route = () => undefined;
  const receiver = await startReceiver(storefront.origin, (req) => route(req));
  let context: BrowserContext | undefined;

  /** Opens `body` in a fresh browser context, with widgets.js configured by its script tag. */
  const open = async (body: string, routes: Route): Promise<Page> => {
    route = routes;
    receiver.requests.length = 0;
    await context?.close();
    context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    storefront.pages.set('/page', `<!doctype html><html lang="en"><head><title>store</title>
<script src="/widgets.js" data-key="${KEY}" data-api="${receiver.origin}"></script></head><body>${body}</body></html>`);
    await page.goto(`${storefront.origin}/page`);
    return page;
  };

  const errors: string[] = [];

  const close = async () => {
    await context?.close();
    await browser.close();
    await storefront.close();
    await receiver.close();
  };

  return { browser, storefront, receiver, open, errors, close };
};

export const json = (body: unknown, status = 200) => ({ status, body });
export const errorEnvelope = (status: number, code: string, message: string) =>
  json({ error: { code, message, details: null, request_id: 'req_test' } }, status);
