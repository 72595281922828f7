import { compileErrors, validate } from '@readme/openapi-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { templatePath } from '../src/pipeline/endpoint';
import { mountEndpoints } from '../src/pipeline/mount';
import { adminEndpoints } from '../src/routes';
import { call, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let admin: any;

beforeAll(async () => {
  api = await startTestApi();
  admin = parse((await call(api, '/openapi/v1-admin.yaml')).text);
});

afterAll(async () => {
  await api.close();
});

describe('/openapi/v1-admin.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(admin.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(admin));
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
  });

  it('is clean under Redocly’s recommended lint rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    for (const path of ['/openapi/v1-admin.yaml', '/openapi/public.yaml']) {
      const problems = await lintFromString({ source: (await call(api, path)).text, absoluteRef: path, config });
      expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`), path).toEqual([]);
    }
  });

  it('documents every registered endpoint with its scope, stability and samples', () => {
    for (const e of adminEndpoints) {
      const op = admin.paths[templatePath(e.path)]?.[e.method];
      expect(op, `${e.method} ${e.path}`).toBeDefined();
      expect(op.operationId).toBe(e.operationId);
      expect(op['x-stability']).toBe(e.stability);
      expect(op.security).toEqual([{ bearerAuth: e.scope ? [e.scope] : [] }]);
      expect(op['x-codeSamples'].map((s: any) => s.lang)).toEqual(['curl', 'javascript']);
      expect(op.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorEnvelope');
      if (e.method === 'post' || e.method === 'patch') expect(op.parameters.some((p: any) => p.name === 'Idempotency-Key' && p.in === 'header')).toBe(true);
    }
    expect(Object.values(admin.paths).flatMap((p: any) => Object.keys(p))).toHaveLength(adminEndpoints.length);
  });

  it('matches the Express route table exactly: no undocumented route, no documented path without one', () => {
    const router = mountEndpoints(adminEndpoints, api.deps, '/api/v1') as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    const routes = router.stack.filter((l) => l.route).flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m} ${templatePath(l.route!.path)}`));
    const documented = Object.entries(admin.paths).flatMap(([path, ops]: [string, any]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(routes.sort()).toEqual(documented.sort());
  });

  it('lists exactly the declared filters of a list', () => {
    const names = admin.paths['/orders'].get.parameters.map((p: any) => p.name);
    expect(names).toEqual(expect.arrayContaining(['limit', 'cursor', 'filter[customer_id]', 'filter[status]', 'filter[placed_at][gte]', 'filter[date_from]', 'filter[date_to]', 'sort', 'fields', 'include']));
    expect(names).not.toContain('filter[subtotal]');
  });

  it('describes a real response: GET /customers matches its documented attributes', async () => {
    const tenant = await createTenant(api.deps.db, 1);
    const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
    await createCustomers(api.deps.db, shop, 1);
    const { token } = await createToken(api.deps.db, shop);
    const real = (await call(api, '/api/v1/customers?limit=1', { token })).body.data[0];
    const documented = admin.paths['/customers'].get.responses['200'].content['application/json'].schema.properties.data.items;
    expect(Object.keys(real.attributes).sort()).toEqual(Object.keys(documented.properties.attributes.properties).sort());
    expect(real.type).toBe(documented.properties.type.const);
  });
});

describe('/openapi/public.yaml and the reference pages', () => {
  it('serves a valid storefront document', async () => {
    const doc = parse((await call(api, '/openapi/public.yaml')).text);
    const result = await validate(doc);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(doc.components.securitySchemes.publishableKey).toMatchObject({ type: 'apiKey', name: 'X-Sumeru-Key' });
  });

  it('renders both references from same-origin assets only', async () => {
    for (const slug of ['v1-admin', 'public-api']) {
      const page = await call(api, `/developers/api/${slug}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(urls.length).toBeGreaterThanOrEqual(3);
      for (const url of urls) {
        expect(url.startsWith('/'), url).toBe(true);
        expect((await call(api, url)).status, url).toBe(200);
      }
    }
  });
});
