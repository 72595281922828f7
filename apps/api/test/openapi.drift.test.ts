import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createOrder, createTenant, createToken } from '@sumeru/testing';
import { buildAdminDocument } from '../src/api-docs/document';
import { templatePath } from '../src/pipeline/endpoint';
import { adminEndpoints } from '../src/routes';
import { call, startTestApi, type ApiResponse, type TestApi } from './helpers/test-api';

/**
 * The drift guard: real responses, validated against the schemas the document publishes (ajv,
 * JSON Schema 2020-12 with formats). A serializer or status that changes without its declaration
 * fails here, not in a client.
 */
const doc = buildAdminDocument(adminEndpoints) as any;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'doc', components: doc.components } as never);
const compile = (schema: unknown) => ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));

let api: TestApi;
let token: string;
let customerId: string;

beforeAll(async () => {
  api = await startTestApi({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  customerId = (await createCustomers(api.deps.db, shop, 2))[0]!.id;
  await createOrder(api.deps.db, shop, { customerId });
});

afterAll(async () => {
  await api.close();
});

/** Status documented, body valid against its documented schema, documented 2xx headers present. */
const expectDocumented = (operationId: string, res: ApiResponse) => {
  const e = adminEndpoints.find((x) => x.operationId === operationId)!;
  const op = doc.paths[templatePath(e.path)][e.method];
  const documented = op.responses[String(res.status)];
  expect(documented, `${operationId} answered ${res.status}: ${res.text.slice(0, 300)}`).toBeDefined();
  const schema = documented.content?.['application/json']?.schema;
  if (schema) {
    const validate = compile(schema);
    expect(validate(res.body), `${operationId} ${res.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
  } else expect(res.text).toBe('');
  if (res.status < 300) for (const name of Object.keys(documented.headers)) if (name !== 'Idempotent-Replayed') expect(res.headers.get(name), `${operationId} ${name}`).not.toBeNull();
  return res;
};

describe('real responses match the published document', () => {
  it('GET /customers?limit=1, with and without includes', async () => {
    const page = expectDocumented('listCustomers', await call(api, '/api/v1/customers?limit=1', { token }));
    expect(page.body.data).toHaveLength(1);
    expect(page.body.pagination.has_next).toBe(true);
    expectDocumented('listCustomers', await call(api, '/api/v1/customers?include=orders,attributions&fields=email,total_spent', { token }));
  });

  it('a customer: get, and the PATCH of its code sample, then replayed by its Idempotency-Key', async () => {
    expectDocumented('getCustomer', await call(api, `/api/v1/customers/${customerId}?include=orders`, { token }));
    const sample = doc.paths['/customers/{id}'].patch.requestBody.content['application/json'].example;
    const headers = { 'idempotency-key': `drift-${customerId}` };
    const first = expectDocumented('updateCustomer', await call(api, `/api/v1/customers/${customerId}`, { token, method: 'PATCH', body: sample, headers }));
    expect(first.status).toBe(200);
    const replay = expectDocumented('updateCustomer', await call(api, `/api/v1/customers/${customerId}`, { token, method: 'PATCH', body: sample, headers }));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expectDocumented('getCustomer', await call(api, '/api/v1/customers/cus_unknown', { token }));
  });

  it('orders, a customer’s orders and usage', async () => {
    expectDocumented('listOrders', await call(api, '/api/v1/orders?include=customer,line_items', { token }));
    expectDocumented('listCustomerOrders', await call(api, `/api/v1/customers/${customerId}/orders`, { token }));
    expectDocumented('getUsage', await call(api, '/api/v1/usage', { token }));
  });

  it('creates answer 201, actions 200, deletes 204, as documented', async () => {
    const created = expectDocumented('createWebhookEndpoint', await call(api, '/api/v1/webhook-endpoints', { token, method: 'POST', body: { url: 'http://127.0.0.1:4010/hooks', events: ['order.created'] } }));
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expectDocumented('rotateWebhookEndpointSecret', await call(api, `/api/v1/webhook-endpoints/${id}/rotate-secret`, { token, method: 'POST', body: { overlap_hours: 1 } }));
    expectDocumented('deleteWebhookEndpoint', await call(api, `/api/v1/webhook-endpoints/${id}`, { token, method: 'DELETE' }));

    const contacts = expectDocumented('bulkUpsertContacts', await call(api, '/api/v1/contacts/bulk', { token, method: 'POST', body: { data: [{ external_id: 'c-1', email: 'c1@example.test' }] } }));
    expect(contacts.body.data.sent_count).toBe(1);
    const lists = expectDocumented('bulkUpsertLists', await call(api, '/api/v1/lists/bulk', { token, method: 'POST', body: { data: [{ external_id: 'l-1', name: 'VIP' }] } }));
    expect(lists.body.data.rejected_count).toBe(0);
    const listId = (await call(api, '/api/v1/lists?filter[external_id]=l-1', { token })).body.data[0].id;
    expectDocumented('addListMembers', await call(api, `/api/v1/lists/${listId}/members`, { token, method: 'POST', body: { data: [{ contact_external_id: 'c-1' }] } }));
    expectDocumented('listListMembers', await call(api, `/api/v1/lists/${listId}/members?limit=5`, { token }));
  });
});
