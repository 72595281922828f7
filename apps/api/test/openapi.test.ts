import { compileErrors, validate } from '@readme/openapi-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { operationKindOf } from '../src/api-docs/operation-kind';
import { templatePath } from '../src/pipeline/endpoint';
import { mountEndpoints } from '../src/pipeline/mount';
import { adminEndpoints } from '../src/routes';
import { call, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let admin: any;
const operationOf = (e: (typeof adminEndpoints)[number]) => admin.paths[templatePath(e.path)]?.[e.method];

beforeAll(async () => {
  api = await startTestApi();
  admin = parse((await call(api, '/openapi/v1-admin.yaml')).text);
});

afterAll(async () => {
  await api.close();
});

describe('/openapi/v1-admin.yaml', () => {
  it('is a valid OpenAPI 3.1 document, the same as its .json', async () => {
    expect(admin.openapi).toMatch(/^3\.1\.\d+$/);
    const result = await validate(structuredClone(admin));
    if (!result.valid) throw new Error(compileErrors(result));
    expect((await call(api, '/openapi/v1-admin.json')).body).toEqual(admin);
  });

  it('both documents are clean under Redocly’s recommended lint rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const lint = async (path: string) =>
      (await lintFromString({ source: (await call(api, path)).text, absoluteRef: path, config })).map((p) => `${p.severity} ${p.ruleId}: ${p.message}`);
    expect(await lint('/openapi/v1-admin.yaml')).toEqual([]);
    expect(await lint('/openapi/public.yaml')).toEqual([]);
  });

  it('documents every registered endpoint with its method, id, scope, stability and samples', () => {
    for (const e of adminEndpoints) {
      const op = operationOf(e);
      expect(op, `${e.method} ${e.path}`).toBeDefined();
      expect(op.operationId).toBe(e.operationId);
      expect(op['x-stability']).toBe(e.stability);
      expect(op.deprecated ?? false).toBe(e.stability === 'deprecated');
      expect(op.security).toEqual([{ bearerAuth: e.scope ? [e.scope] : [] }]);
      expect(op['x-codeSamples'].map((s: any) => s.lang)).toEqual(['curl', 'javascript']);
      expect(op.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorEnvelope');
      const idempotencyKey = op.parameters.find((p: any) => p.name === 'Idempotency-Key' && p.in === 'header');
      if (e.method === 'post' || e.method === 'patch') {
        expect(idempotencyKey?.schema.maxLength, e.operationId).toBe(255);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '409', '413', '415']));
      } else expect(idempotencyKey).toBeUndefined();
    }
    expect(Object.values(admin.paths).flatMap((p: any) => Object.keys(p))).toHaveLength(adminEndpoints.length);
  });

  it('matches the Express route table exactly: no undocumented route, no documented path without one', () => {
    const router = mountEndpoints(adminEndpoints, api.deps, '/api/v1') as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    const routes = router.stack.filter((l) => l.route).flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m} ${templatePath(l.route!.path)}`));
    const documented = Object.entries(admin.paths).flatMap(([path, ops]: [string, any]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(routes.sort()).toEqual(documented.sort());
  });

  it('gives every resource list limit, cursor and exactly the filters its spec declares', () => {
    const lists = adminEndpoints.filter((e) => e.resource && e.query === 'raw' && operationKindOf(e, adminEndpoints) === 'list' && !e.querySchema);
    expect(lists.length).toBeGreaterThan(10);
    for (const e of lists) {
      const params = operationOf(e).parameters;
      expect(params.find((p: any) => p.name === 'limit').schema, e.operationId).toEqual({ type: 'integer', minimum: 1, maximum: 100, default: 50 });
      expect(params.some((p: any) => p.name === 'cursor')).toBe(true);
      const declared = Object.entries(e.resource!.attributes).flatMap(([name, a]) =>
        !a.filter ? [] : [`filter[${name}]`, ...(a.filter === 'range' ? ['gte', 'gt', 'lte', 'lt'].map((op) => `filter[${name}][${op}]`) : [])]);
      declared.push(...Object.keys(e.resource!.filterAliases ?? {}).map((alias) => `filter[${alias}]`));
      expect(params.map((p: any) => p.name).filter((n: string) => n.startsWith('filter[')).sort(), e.operationId).toEqual(declared.sort());
      expect(params.find((p: any) => p.name === 'include')?.description ?? '', e.operationId).toContain((e.includes ?? []).join(', '));
    }
  });

  it('documents zod-validated queries too: paged sub-lists show limit and cursor', () => {
    const members = admin.paths['/lists/{id}/members'].get;
    expect(members.parameters.map((p: any) => p.name)).toEqual(['id', 'limit', 'cursor']);
    expect(members.responses['200'].content['application/json'].schema.required).toEqual(['data', 'pagination']);
  });

  it('types attributes from their kinds and gives examples', () => {
    const customer = admin.paths['/customers/{id}'].get.responses['200'].content['application/json'];
    const attributes = customer.schema.properties.data.properties.attributes.properties;
    expect(attributes.total_spent.type).toContain('number');
    expect(attributes.created_at).toMatchObject({ format: 'date-time' });
    expect(attributes.tags).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(customer.example.data.id).toMatch(/^cus_/);
    // A sub-collection's :id is its parent's, whatever the listed resource.
    expect(admin.paths['/customers/{id}/orders'].get.parameters[0].example).toMatch(/^cus_/);
    const notFound = admin.paths['/customers/{id}'].get.responses['404'].content['application/json'].examples;
    expect(notFound.not_found.value.error.code).toBe('not_found');
    expect(admin.components.schemas.ErrorEnvelope.properties.error.properties.code.enum).toContain('idempotency_conflict');
  });
});
