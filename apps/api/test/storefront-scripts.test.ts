import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

// The built files (turbo builds @sumeru/pixel and @sumeru/widgets before this package's tests).
describe('storefront scripts', () => {
  it.each([
    ['/pixel.js', 2048],
    ['/widgets.js', 15 * 1024],
  ])('%s is served as cacheable, cross-origin JavaScript within its gzip budget', async (path, budget) => {
    const res = await fetch(`${api.url}${path}`, { headers: { origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toContain('max-age=');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeGreaterThan(500);
    expect(gzipSync(body).length).toBeLessThanOrEqual(budget);
  });
});
