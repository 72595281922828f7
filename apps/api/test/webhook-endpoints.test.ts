import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '@sumeru/auth';
import { schema, withShop } from '@sumeru/db';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, TEST_SECRET, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let shop: { agencyId: string; shopId: string };

beforeAll(async () => {
  api = await startTestApi({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
  const tenant = await createTenant(api.deps.db, 1);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
});

afterAll(async () => {
  await api.close();
});

const create = (body: unknown) => call(api, '/api/v1/webhook-endpoints', { token, method: 'POST', body });

describe('webhook endpoints', () => {
  it('creates with a whsec_ secret shown once and stored sealed', async () => {
    const res = await create({ url: 'http://127.0.0.1:4010/hooks', events: ['order.created', 'customer.updated', 'order.created'] });
    expect(res.status).toBe(201);
    const { id, attributes } = res.body.data;
    expect(attributes.secret).toMatch(/^whsec_/);
    expect(attributes.events).toEqual(['order.created', 'customer.updated']);
    const again = await call(api, `/api/v1/webhook-endpoints/${id}`, { token });
    expect(again.body.data.attributes).not.toHaveProperty('secret');
    const [row] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.webhookEndpoints).where(eq(schema.webhookEndpoints.id, id)));
    expect(row!.secretSealed).not.toContain(attributes.secret);
    expect(openSecret(row!.secretSealed, TEST_SECRET)).toBe(attributes.secret);
  });

  it('rotates the secret, keeping the previous one valid for the overlap window', async () => {
    const created = (await create({ url: 'http://127.0.0.1:4010/a', events: ['order.created'] })).body.data;
    const rotated = await call(api, `/api/v1/webhook-endpoints/${created.id}/rotate-secret`, { token, method: 'POST', body: { overlap_hours: 2 } });
    expect(rotated.body.data.attributes.secret).not.toBe(created.attributes.secret);
    const expires = new Date(rotated.body.data.attributes.previous_secret_expires_at).getTime();
    expect(expires - Date.now()).toBeGreaterThan(7_000_000);
    const [row] = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.webhookEndpoints).where(eq(schema.webhookEndpoints.id, created.id)));
    expect(openSecret(row!.previousSecretSealed!, TEST_SECRET)).toBe(created.attributes.secret);
  });

  it('refuses unknown events, and URLs that are not deliverable', async () => {
    expect(expectEnvelope(await create({ url: 'http://127.0.0.1:4010/', events: ['order.exploded'] }), 422, 'validation_failed').details.field).toMatch(/^events/);
    expect(expectEnvelope(await create({ url: 'http://10.0.0.1/', events: ['order.created'] }), 422, 'validation_failed').details.field).toBe('url');
    expect(expectEnvelope(await create({ url: 'https://169.254.169.254/latest/meta-data', events: ['order.created'] }), 422, 'validation_failed').details.field).toBe('url');
    expect(expectEnvelope(await create({ url: 'file:///etc/passwd', events: ['order.created'] }), 422, 'validation_failed').details.field).toBe('url');
  });

  it('disables and re-enables, deletes idempotently', async () => {
    const id = (await create({ url: 'http://127.0.0.1:4010/b', events: ['order.created'] })).body.data.id;
    const off = await call(api, `/api/v1/webhook-endpoints/${id}`, { token, method: 'PATCH', body: { enabled: false } });
    expect(off.body.data.attributes).toMatchObject({ enabled: false, disabled_reason: 'disabled by an operator' });
    const on = await call(api, `/api/v1/webhook-endpoints/${id}`, { token, method: 'PATCH', body: { enabled: true } });
    expect(on.body.data.attributes).toMatchObject({ enabled: true, disabled_reason: null });
    expect((await call(api, `/api/v1/webhook-endpoints/${id}`, { token, method: 'DELETE' })).status).toBe(204);
    expect((await call(api, `/api/v1/webhook-endpoints/${id}`, { token, method: 'DELETE' })).status).toBe(204);
  });
});

describe('the event outbox', () => {
  it('writes an event in the same transaction as the change, and none when it rolls back', async () => {
    const [customer] = await createCustomers(api.deps.db, shop, 1);
    await call(api, `/api/v1/customers/${customer!.id}`, { token, method: 'PATCH', body: { first_name: 'Evented' } });
    await call(api, `/api/v1/customers/${customer!.id}`, { token, method: 'PATCH', body: { email: 'broken' } });
    const events = await withShop(api.deps.db, shop.shopId, (tx) => tx.select().from(schema.events).where(eq(schema.events.type, 'customer.updated')));
    expect(events).toHaveLength(1);
    expect(events[0]!.id).toMatch(/^evt_/);
    expect(events[0]!.data).toMatchObject({ id: customer!.id, type: 'customer', attributes: { first_name: 'Evented' } });
  });
});
