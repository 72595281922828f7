import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleStaticRoutes } from '../src/console/routes';
import type { ApiDeps } from '../src/deps';

let dist: string;
const servers: { close: () => void }[] = [];

const serve = async (nodeEnv: 'production' | 'development' | 'test') => {
  const app = express();
  app.use(consoleStaticRoutes({ config: { NODE_ENV: nodeEnv } } as ApiDeps, dist));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found' } });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
});
afterAll(() => {
  for (const s of servers) s.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the built console on the API origin', () => {
  it('serves hashed assets immutably and index.html (never cached, with a CSP) for client-side routes', async () => {
    const base = await serve('production');
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const route of ['/', '/sign-in', '/shops/shp_1/tokens', '/usage']) {
      const page = await fetch(`${base}${route}`, { headers: { accept: 'text/html' } });
      expect(page.status, route).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('never answers the API’s own paths, non-GET requests or requests that do not want HTML', async () => {
    const base = await serve('production');
    for (const route of ['/api/v1/customers', '/api/public/reviews', '/v1/customers', '/trpc/session.me', '/openapi/v1-admin.yaml', '/developers/api/v1-admin/', '/webhooks/shopify/shp_1', '/healthz', '/readyz', '/api', '/trpc']) {
      const response = await fetch(`${base}${route}`, { headers: { accept: 'text/html' } });
      expect(response.status, route).toBe(404);
    }
    expect((await fetch(`${base}/shops`, { method: 'POST', headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(`${base}/shops`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('is left out of test runs, so unknown paths keep their 404', async () => {
    const base = await serve('test');
    expect((await fetch(`${base}/`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });
});
