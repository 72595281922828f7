import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { buildAdminDocument } from '../src/api-docs/document';
import { templatePath } from '../src/pipeline/endpoint';
import { adminEndpoints } from '../src/routes';
import { call, startTestApi, type TestApi } from './helpers/test-api';

const doc = buildAdminDocument(adminEndpoints) as any;
let api: TestApi;
let token: string;
let customerId: string;

beforeAll(async () => {
  api = await startTestApi({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', RATE_LIMIT_TIERS: '{"enterprise":{"limit":1000000}}' });
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  customerId = (await createCustomers(api.deps.db, shop, 3))[0]!.id;
});

afterAll(async () => {
  await api.close();
});

const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
ajv.addSchema({ $id: 'doc', components: doc.components } as never);
const validatorFor = (schema: unknown) => ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));

// Junk and near-misses a client might send: odd params, wrong types, nested objects, long strings.
const queryValue = fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom('-1', '0', '101', 'true', '', '%', '2026-13-45', 'a,b'));
const queryArb = fc.dictionary(fc.constantFrom('limit', 'cursor', 'sort', 'fields', 'include', 'filter[email]', 'filter[status]', 'filter[created_at][gte]', 'filter[x]', 'page', 'filter[total_spent][lt]'), queryValue, { maxKeys: 3 });
const bodyArb = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ data: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.record({ attributes: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) })) }));

describe('every operation, under generated requests', () => {
  it('never answers 5xx, answers only documented statuses, with the envelope on every error and documented shapes on success', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...adminEndpoints), queryArb, bodyArb, async (endpoint, query, body) => {
        const path = `/api/v1${endpoint.path.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' && endpoint.path.startsWith('/customers') ? customerId : 'x_unknown'))}`;
        const qs = new URLSearchParams(query).toString();
        const write = endpoint.method === 'post' || endpoint.method === 'patch';
        const res = await call(api, `${path}${qs ? `?${qs}` : ''}`, { token, method: endpoint.method.toUpperCase(), ...(write ? { body } : {}) });
        const operation = doc.paths[templatePath(endpoint.path)][endpoint.method];
        expect(res.status, `${endpoint.operationId} ${res.text.slice(0, 200)}`).toBeLessThan(500);
        expect(Object.keys(operation.responses), `${endpoint.operationId} answered ${res.status}`).toContain(String(res.status));
        if (res.status >= 400) {
          expect(res.body.error.request_id).toBe(res.headers.get('x-request-id'));
          expect(typeof res.body.error.message).toBe('string');
        } else if (res.status !== 204) {
          const schema = operation.responses[String(res.status)].content['application/json'].schema;
          const validate = validatorFor(schema);
          expect(validate(res.body), `${endpoint.operationId}: ${JSON.stringify(validate.errors)}`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  }, 120_000);
});
