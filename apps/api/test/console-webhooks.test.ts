import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createToken } from '@sumeru/testing';
import { addOperator, ConsoleClient, dataOf, errorOf, seedConsoleDemo } from './console-client';
import { call, startTestApi, type TestApi } from './helpers/test-api';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './helpers/webhook-receiver';

/**
 * The console's delivery log and replay over real HTTP, with the real job runner delivering to a
 * real receiver on loopback: `/ok` answers whatever `receiver.status` says, `/gone` answers 410.
 */
let receiver: WebhookReceiver;
let receiverBase: string;

let api: TestApi;
let demo: Awaited<ReturnType<typeof seedConsoleDemo>>;
let owner: ConsoleClient;
let viewer: ConsoleClient;
let shopId: string;
let productToken: string;

const createProduct = async (sku: string) => {
  const res = await call(api, '/api/v1/products', { token: productToken, method: 'POST', body: { title: `Hook ${sku}`, price: 9, sku } });
  expect(res.status).toBe(201);
  return res.body.data.id as string;
};

const deliveries = async (client: ConsoleClient, endpointId: string, extra: Record<string, unknown> = {}) =>
  dataOf(await client.query('webhooks.deliveries', { shopId, endpointId, ...extra })) as { items: any[]; nextCursor: string | null };

beforeAll(async () => {
  receiver = await startWebhookReceiver(200, (hit) => (hit.path === '/gone' ? 410 : undefined));
  receiverBase = receiver.base;
  api = await startTestApi({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE: '1', WEBHOOK_TIMEOUT_MS: '2000' }, { jobs: true });
  demo = await seedConsoleDemo(api);
  shopId = demo.shops[0]!.id;
  owner = new ConsoleClient(api);
  dataOf(await owner.signIn(demo.operator.email, demo.operator.password));
  const v = await addOperator(api, demo.agency.id, 'viewer');
  viewer = new ConsoleClient(api);
  dataOf(await viewer.signIn(v.email, v.password));
  productToken = dataOf(await owner.mutate('tokens.create', { shopId, name: 'webhook test', scopes: ['products:write'], tier: 'enterprise' })).secret;
}, 60_000);

afterAll(async () => {
  await api?.close();
  await receiver?.close();
});

describe('console webhooks: delivery log, replay, notices', () => {
  let endpointId: string;
  let firstDelivery: any;

  it('lists a delivery the worker made, with its attempt, status code, latency and response excerpt', async () => {
    endpointId = dataOf(await owner.mutate('webhooks.create', { shopId, url: `${receiverBase}/ok`, events: ['product.updated'] })).endpoint.id;
    expect((await deliveries(owner, endpointId)).items).toEqual([]);
    const productId = await createProduct('HOOK-1');

    const log = await waitFor(async () => {
      const page = await deliveries(owner, endpointId);
      return page.items[0]?.status === 'succeeded' ? page : null;
    }, 'the delivery to succeed');
    expect(log.items).toHaveLength(1);
    firstDelivery = log.items[0];
    expect(firstDelivery).toMatchObject({ eventType: 'product.updated', status: 'succeeded', attemptCount: 1, lastStatusCode: 200, replayOf: null });
    expect(firstDelivery.eventId).toMatch(/^evt_/);
    expect(firstDelivery.attempts).toHaveLength(1);
    expect(firstDelivery.attempts[0]).toMatchObject({ attempt: 1, statusCode: 200, succeeded: true, responseExcerpt: 'answer 200', error: null });
    expect(firstDelivery.attempts[0].latencyMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(firstDelivery.attempts[0].startedAt)).not.toBeNaN();
    // What the receiver got is the event of the product just created.
    expect(JSON.parse(receiver.hits.find((h) => h.path === '/ok')!.body)).toMatchObject({ id: firstDelivery.eventId, type: 'product.updated', data: { id: productId } });

    // Viewers read the log too.
    expect((await deliveries(viewer, endpointId)).items.map((d) => d.id)).toEqual([firstDelivery.id]);
    expect((await deliveries(owner, endpointId, { status: 'failed' })).items).toEqual([]);
    expect((await deliveries(owner, endpointId, { status: 'succeeded' })).items).toHaveLength(1);
    const bad = await owner.query('webhooks.deliveries', { shopId, endpointId, status: 'exploded' });
    expect(bad.status).toBe(422);
  });

  it('replays one delivery as a new delivery of the same event, which the worker sends (failing attempts are listed too)', async () => {
    receiver.status = 503;
    const replay = dataOf(await owner.mutate('webhooks.replay', { shopId, endpointId, deliveryId: firstDelivery.id }));
    expect(replay).toMatchObject({ replayOf: firstDelivery.id, status: 'pending' });
    const replayed = await waitFor(async () => {
      const row = (await deliveries(owner, endpointId)).items.find((d) => d.id === replay.id);
      return row?.status === 'failed' ? row : null;
    }, 'the replay to fail for good');
    expect(replayed).toMatchObject({ eventId: firstDelivery.eventId, replayOf: firstDelivery.id, attemptCount: 2, lastStatusCode: 503 });
    expect(replayed.attempts.map((a: any) => [a.attempt, a.statusCode, a.succeeded, a.responseExcerpt])).toEqual([[1, 503, false, 'answer 503'], [2, 503, false, 'answer 503']]);

    // Newest first, and paged with a cursor.
    const page1 = await deliveries(owner, endpointId, { limit: 1 });
    expect(page1.items.map((d) => d.id)).toEqual([replay.id]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await deliveries(owner, endpointId, { limit: 1, cursor: page1.nextCursor });
    expect(page2.items.map((d) => d.id)).toEqual([firstDelivery.id]);
  });

  it('replays the failed deliveries of a time range (originals only), and only those', async () => {
    receiver.status = 500;
    const before = new Date(Date.now() - 1000).toISOString();
    await createProduct('HOOK-2');
    const failed = await waitFor(async () => {
      const page = await deliveries(owner, endpointId, { status: 'failed' });
      return page.items.find((d) => d.replayOf === null) ?? null;
    }, 'the second delivery to fail for good');
    receiver.status = 200;

    const empty = dataOf(await owner.mutate('webhooks.replayFailed', { shopId, endpointId, from: new Date(Date.now() - 86_400_000).toISOString(), to: before }));
    expect(empty).toEqual({ replayedCount: 0, deliveryIds: [] });
    const result = dataOf(await owner.mutate('webhooks.replayFailed', { shopId, endpointId, from: before, to: new Date(Date.now() + 60_000).toISOString() }));
    expect(result.replayedCount).toBe(1);
    const replay = await waitFor(async () => {
      const row = (await deliveries(owner, endpointId)).items.find((d) => d.id === result.deliveryIds[0]);
      return row?.status === 'succeeded' ? row : null;
    }, 'the range replay to succeed');
    expect(replay).toMatchObject({ replayOf: failed.id, eventId: failed.eventId, lastStatusCode: 200 });

    const backwards = await owner.mutate('webhooks.replayFailed', { shopId, endpointId, from: new Date().toISOString(), to: before });
    expect(backwards.status).toBe(422);
    expect(errorOf(backwards).details.field).toBe('to');
  });

  it('refuses viewers on the server, for replays and notices', async () => {
    for (const [path, input] of [
      ['webhooks.replay', { shopId, endpointId, deliveryId: firstDelivery.id }],
      ['webhooks.replayFailed', { shopId, endpointId, from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() }],
      ['webhooks.markNoticeRead', { shopId, noticeId: 'ntc_none' }],
    ] as const) {
      const res = await viewer.mutate(path, input);
      expect(res.status, path).toBe(403);
      expect(errorOf(res).code).toBe('forbidden');
    }
  });

  it('an endpoint disabled by a 410 raises a notice; replays are refused until re-enabled, which clears the failure state', async () => {
    const gone = dataOf(await owner.mutate('webhooks.create', { shopId, url: `${receiverBase}/gone`, events: ['product.updated'] })).endpoint;
    await createProduct('HOOK-3');
    const disabled = await waitFor(async () => (dataOf(await owner.query('webhooks.list', { shopId })) as any[]).find((e) => e.id === gone.id && !e.enabled), 'the endpoint to be disabled');
    expect(disabled.disabledReason).toBe('the receiver answered 410 Gone');

    const notices = dataOf(await viewer.query('webhooks.notices', { shopId })) as any[];
    const notice = notices.find((x) => x.subjectId === gone.id);
    expect(notice).toMatchObject({ kind: 'webhook_endpoint.disabled' });
    expect(notice.message).toContain('410 Gone');

    const [delivery] = (await deliveries(owner, gone.id)).items;
    expect(delivery).toMatchObject({ status: 'failed', lastStatusCode: 410 });
    const refused = await owner.mutate('webhooks.replay', { shopId, endpointId: gone.id, deliveryId: delivery.id });
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe('conflict');
    const refusedRange = await owner.mutate('webhooks.replayFailed', { shopId, endpointId: gone.id, from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });
    expect(refusedRange.status).toBe(409);

    const enabled = dataOf(await owner.mutate('webhooks.setEnabled', { shopId, endpointId: gone.id, enabled: true }));
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    expect(dataOf(await owner.mutate('webhooks.replay', { shopId, endpointId: gone.id, deliveryId: delivery.id })).replayOf).toBe(delivery.id);

    expect(dataOf(await owner.mutate('webhooks.markNoticeRead', { shopId, noticeId: notice.id }))).toEqual({ id: notice.id, read: true });
    expect((dataOf(await owner.query('webhooks.notices', { shopId })) as any[]).map((x) => x.id)).not.toContain(notice.id);
    const unknown = await owner.mutate('webhooks.markNoticeRead', { shopId, noticeId: 'ntc_unknown' });
    expect(unknown.status).toBe(404);
  });

  it("another agency's endpoint, delivery or shop is not found", async () => {
    const other = await createTenant(api.deps.db, 1);
    const otherShop = other.shopIds[0]!;
    const otherToken = (await createToken(api.deps.db, { agencyId: other.agencyId, shopId: otherShop })).token;
    const created = await call(api, '/api/v1/webhook-endpoints', { token: otherToken, method: 'POST', body: { url: `${receiverBase}/ok`, events: ['product.updated'] } });
    expect(created.status).toBe(201);
    const foreignEndpoint = created.body.data.id as string;

    for (const res of [
      await owner.query('webhooks.deliveries', { shopId, endpointId: foreignEndpoint }),
      await owner.query('webhooks.deliveries', { shopId: otherShop, endpointId: foreignEndpoint }),
      await owner.mutate('webhooks.replay', { shopId, endpointId: foreignEndpoint, deliveryId: firstDelivery.id }),
      await owner.mutate('webhooks.replay', { shopId, endpointId: endpointId, deliveryId: 'whd_unknown' }),
      await owner.mutate('webhooks.replayFailed', { shopId: otherShop, endpointId: foreignEndpoint, from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() }),
      await owner.query('webhooks.notices', { shopId: otherShop }),
    ]) {
      expect(res.status).toBe(404);
      expect(errorOf(res).code).toBe('not_found');
    }
  });
});
