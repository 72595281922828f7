import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parse } from 'yaml';
import { buildPublicDocument } from '../src/api-docs/document';
import { exampleIdOf } from '../src/api-docs/examples';
import { defineEndpoint } from '../src/pipeline/endpoint';
import { call, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.close();
});

describe('/openapi/public.yaml', () => {
  it('is a valid 3.1 document with the key and Origin schemes, the envelope and every storefront operation', async () => {
    const doc = parse((await call(api, '/openapi/public.yaml')).text);
    const result = await validate(structuredClone(doc));
    if (!result.valid) throw new Error(compileErrors(result));
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/events', '/reviews', '/products/{product_id}/reviews']));
    expect(doc.components.securitySchemes).toMatchObject({
      publishableKey: { type: 'apiKey', in: 'header', name: 'X-Sumeru-Key' },
      publishableKeyQuery: { type: 'apiKey', in: 'query', name: 'key' },
      allowedOrigin: { type: 'apiKey', in: 'header', name: 'Origin' },
    });
    expect(doc.components.schemas.ErrorEnvelope.required).toEqual(['error']);
    expect((await call(api, '/openapi/public.json')).body).toEqual(doc);
  });

  it('takes storefront endpoints as declarations, the way the admin document does', async () => {
    const submitReview = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
      operationId: 'submitReview', method: 'post', path: '/reviews', summary: 'Submit a review', scope: null, stability: 'beta',
      requestSchema: z.strictObject({ product_id: z.string(), rating: z.number().int().min(1).max(5), body: z.string().max(5000) }),
      handler: async () => ({ status: 201 }),
    });
    const doc = buildPublicDocument([submitReview]) as any;
    const op = doc.paths['/reviews'].post;
    expect(op.security).toEqual([{ publishableKey: [] }, { publishableKeyQuery: [] }, { allowedOrigin: [] }]);
    expect(op.requestBody.content['application/json'].example).toEqual({ product_id: exampleIdOf('product'), rating: 1, body: 'Example body' });
    expect(op.responses['403'].description).toMatch(/restricted to other origins/);
    expect(op['x-codeSamples'][0].source).toContain('https://api.sumeru.systems/api/public/reviews');
    const result = await validate(structuredClone(doc));
    if (!result.valid) throw new Error(compileErrors(result));
  });
});

describe('the rendered references', () => {
  it('answer HTML under a self-only CSP whose every script and style is same-origin and served', async () => {
    for (const slug of ['v1-admin', 'public-api']) {
      const page = await call(api, `/developers/api/${slug}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      // Every fetch directive names only this origin (plus data: images and inline style attributes).
      expect(csp.replace(/'self'|'none'|'unsafe-inline'|data:/g, '')).not.toMatch(/https?:|\*|'unsafe-eval'/);
      const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(urls.length).toBeGreaterThanOrEqual(3);
      for (const url of urls) {
        expect(url, url).toMatch(/^\/(?!\/)/);
        const asset = await call(api, url);
        expect(asset.status, url).toBe(200);
        // The renderer's own files name no other origin to load from (the spec URL is ours too).
        if (url.endsWith('init.js')) expect(asset.text).not.toMatch(/https?:\/\//);
      }
    }
  });

  it('answers errors on these routes with the JSON envelope', async () => {
    for (const path of ['/developers/assets/index.html', '/developers/assets/swagger-initializer.js', '/openapi/v2-admin.yaml', '/developers/api/nope/']) {
      const res = await call(api, path);
      expect(res.status, path).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', request_id: res.headers.get('x-request-id') });
    }
  });
});
