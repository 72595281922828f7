import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { createTenant, createToken } from '@sumeru/testing';
import { verifySumeruWebhook } from '@sumeru/webhooks';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './helpers/webhook-receiver';

let api: TestApi;
let token: string;
let otherToken: string;
let shopId: string;

let receiver: WebhookReceiver;
let receiverUrl: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver(500);
  receiverUrl = `${receiver.base}/hooks`;
  api = await startTestApi({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE: '1', WEBHOOK_TIMEOUT_MS: '2000' }, { jobs: true });
  const tenant = await createTenant(api.deps.db, 2);
  shopId = tenant.shopIds[0]!;
  token = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId })).token;
  otherToken = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! })).token;
});

afterAll(async () => {
  await api?.close();
  await receiver?.close();
});

describe('webhook deliveries over the API', () => {
  let endpoint: { id: string; attributes: { secret: string } };
  let original: { id: string; attributes: Record<string, unknown> };

  it('records every attempt of a change made through the API, listed with include=attempts', async () => {
    endpoint = (await call(api, '/api/v1/webhook-endpoints', { token, method: 'POST', body: { url: receiverUrl, events: ['product.updated'] } })).body.data;
    const product = await call(api, '/api/v1/products', { token, method: 'POST', body: { title: 'Hook box', price: 9, sku: 'HOOK-1' } });
    expect(product.status).toBe(201);

    const list = await waitFor(async () => {
      const res = await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries?include=attempts`, { token });
      return res.body.data?.[0]?.attributes.status === 'failed' ? res : null;
    }, 'the delivery to fail for good');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    original = list.body.data[0];
    expect(original.attributes).toMatchObject({ endpoint_id: endpoint.id, event_type: 'product.updated', attempt_count: 2, last_status_code: 500, replay_of: null });
    expect(list.body.included.map((a: any) => [a.type, a.attributes.attempt, a.attributes.status_code, a.attributes.succeeded, a.attributes.response_excerpt]))
      .toEqual([['webhook_attempt', 1, 500, false, 'answer 500'], ['webhook_attempt', 2, 500, false, 'answer 500']]);
    expect(JSON.parse(receiver.hits[0]!.body)).toMatchObject({ type: 'product.updated', data: { id: product.body.data.id } });
    expect(verifySumeruWebhook(receiver.hits[0]!.body, receiver.hits[0]!.headers['x-sumeru-signature'] as string, endpoint.attributes.secret)).toBe(true);

    const filtered = await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries?filter[status]=succeeded`, { token });
    expect(filtered.body.data).toEqual([]);
    const one = await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${original.id}?include=attempts`, { token });
    expect(one.status).toBe(200);
    expect(one.body.data.relationships.attempts.data).toHaveLength(2);
  });

  it('replays one delivery: same event, new delivery, and it succeeds', async () => {
    receiver.status = 200;
    const before = receiver.hits.length;
    const res = await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${original.id}/replay`, { token, method: 'POST' });
    expect(res.status).toBe(202);
    expect(res.body.data.attributes).toMatchObject({ replay_of: original.id, status: 'pending', event_id: original.attributes.event_id });
    await waitFor(async () => (await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${res.body.data.id}`, { token })).body.data.attributes.status === 'succeeded', 'the replay to succeed');
    expect(receiver.hits.length).toBe(before + 1);
    expect(receiver.hits.at(-1)!.headers['x-sumeru-event-id']).toBe(original.attributes.event_id);
  });

  it('replays the failed deliveries of a time range', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/replay`, { token, method: 'POST', body: { created_from: from, created_to: to } });
    expect(res.status).toBe(202);
    // Only the original failed; the earlier replay succeeded and replays are never replayed by range.
    expect(res.body.data.replayed_count).toBe(1);
    const bad = await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/replay`, { token, method: 'POST', body: { created_from: to, created_to: from } });
    expect(expectEnvelope(bad, 422, 'validation_failed').details.field).toBe('created_to');
  });

  it('never counts a replay towards disabling the endpoint, even a 410', async () => {
    receiver.status = 410;
    const res = await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${original.id}/replay`, { token, method: 'POST' });
    await waitFor(async () => (await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${res.body.data.id}`, { token })).body.data.attributes.status === 'failed', 'the replay to fail');
    const ep = await call(api, `/api/v1/webhook-endpoints/${endpoint.id}`, { token });
    expect(ep.body.data.attributes).toMatchObject({ enabled: true, failing_since: null });
  });

  it('refuses to replay to a disabled endpoint, and hides other shops’ deliveries', async () => {
    await call(api, `/api/v1/webhook-endpoints/${endpoint.id}`, { token, method: 'PATCH', body: { enabled: false } });
    expectEnvelope(await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${original.id}/replay`, { token, method: 'POST' }), 409, 'conflict');
    expectEnvelope(await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, { token: otherToken }), 404, 'not_found');
    expectEnvelope(await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${original.id}`, { token: otherToken }), 404, 'not_found');
    expectEnvelope(await call(api, `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/whd_0000000000000000000000`, { token }), 404, 'not_found');
  });
});

describe('events from bulk writes', () => {
  it('records customer.created for new external ids and customer.updated for known ones, one per item', async () => {
    const send = (items: unknown[]) => call(api, '/api/v1/customers/bulk', { token, method: 'POST', body: { data: items } });
    expect((await send([{ external_id: 'ev-1', email: 'ev1@example.com' }, { external_id: 'ev-2', email: 'ev2@example.com' }])).status).toBe(200);
    expect((await send([{ external_id: 'ev-1', first_name: 'Eve' }, { external_id: 'bad', email: 'not-an-email' }])).status).toBe(200);
    const events = await withShop(api.deps.db, shopId, (tx) => tx.select().from(schema.events));
    const customerEvents = events.filter((e) => e.type.startsWith('customer.')).map((e) => [e.type, (e.data as any).attributes.external_id]);
    expect(customerEvents.sort()).toEqual([['customer.created', 'ev-1'], ['customer.created', 'ev-2'], ['customer.updated', 'ev-1']]);
  });
});
