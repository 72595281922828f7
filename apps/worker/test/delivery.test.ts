import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop, recordEvent } from '@sumeru/db';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { startJobRunner, type JobRunner } from '@sumeru/jobs';
import { createTenant } from '@sumeru/testing';
import { verifySumeruWebhook } from '@sumeru/webhooks';
import { Webhook } from 'standardwebhooks';
import { attemptsOf, commitEvent, createEndpoint, deliveriesOf, endpointRow, fastDelivery, PLATFORM_SECRET, silentLogger, type Tenant, waitForDelivery } from './support/fixtures';
import { startReceiver, waitFor } from './support/receiver';

let database: OpenTestDatabase;
let runner: JobRunner;
let tenant: Tenant;

beforeAll(async () => {
  database = await openTestDatabase(8);
  const t = await createTenant(database.db, 1);
  tenant = { agencyId: t.agencyId, shopId: t.shopIds[0]! };
  runner = await startJobRunner({
    databaseUrl: database.url, db: database.db, secret: PLATFORM_SECRET, logger: silentLogger,
    concurrency: 4, recoverySeconds: 2, pollIntervalMs: 200, delivery: fastDelivery(),
  });
});

afterAll(async () => {
  await runner?.stop();
  await database?.close();
});

describe('outbound delivery', () => {
  it('retries a 500, then succeeds: two attempts of the same event, both signed verifiably', async () => {
    const receiver = await startReceiver((_req, i) => ({ status: i === 0 ? 500 : 200, body: i === 0 ? 'boom' : 'ok' }));
    const endpoint = await createEndpoint(database.db, tenant, receiver.url);
    const eventId = await commitEvent(database.db, tenant, 'order.created', { id: 'ord_x', total: 12.5 });

    const delivery = await waitForDelivery(database.db, tenant, endpoint.id, async (row) => row.status === 'succeeded', 15_000, 'the delivery to succeed');
    expect(receiver.received).toHaveLength(2);
    const standard = new Webhook(endpoint.secret.slice('whsec_'.length));
    receiver.received.forEach((r, i) => {
      expect(r.headers['x-sumeru-event-id']).toBe(eventId);
      expect(r.headers['x-sumeru-event-type']).toBe('order.created');
      expect(r.headers['x-sumeru-delivery-attempt']).toBe(String(i + 1));
      expect(verifySumeruWebhook(r.body, r.headers['x-sumeru-signature'] as string, endpoint.secret)).toBe(true);
      expect(() => standard.verify(r.body, { 'webhook-id': r.headers['webhook-id'] as string, 'webhook-timestamp': r.headers['webhook-timestamp'] as string, 'webhook-signature': r.headers['webhook-signature'] as string })).not.toThrow();
      expect(JSON.parse(r.body)).toMatchObject({ id: eventId, type: 'order.created', data: { id: 'ord_x', total: 12.5 } });
    });
    // The retry waited for the schedule (1 s ± 10%).
    expect(receiver.received[1]!.at - receiver.received[0]!.at).toBeGreaterThanOrEqual(850);
    const attempts = await attemptsOf(database.db, tenant, delivery.id);
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.succeeded, a.responseExcerpt])).toEqual([[1, 500, false, 'boom'], [2, 200, true, 'ok']]);
    expect(attempts[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect((await endpointRow(database.db, tenant, endpoint.id)).failingSince).toBeNull();
    await receiver.close();
  });

  it('disables the endpoint at once on 410, tells subscribers and the operator', async () => {
    const receiver = await startReceiver(() => ({ status: 410 }));
    const watcher = await startReceiver(() => ({ status: 200 }));
    const endpoint = await createEndpoint(database.db, tenant, receiver.url, ['customer.updated']);
    await createEndpoint(database.db, tenant, watcher.url, ['webhook_endpoint.disabled']);
    await commitEvent(database.db, tenant, 'customer.updated', { id: 'cus_1' });

    await waitFor(async () => !(await endpointRow(database.db, tenant, endpoint.id)).enabled, 15_000, 'the endpoint to be disabled');
    expect(receiver.received).toHaveLength(1);
    const row = await endpointRow(database.db, tenant, endpoint.id);
    expect(row.disabledReason).toMatch(/410/);
    const notices = await withShop(database.db, tenant.shopId, (tx) => tx.select().from(schema.notices));
    expect(notices.some((n) => n.kind === 'webhook_endpoint.disabled' && n.subjectId === endpoint.id)).toBe(true);
    await waitFor(() => watcher.received.length === 1, 15_000, 'the disabled event to be delivered');
    expect(JSON.parse(watcher.received[0]!.body)).toMatchObject({ type: 'webhook_endpoint.disabled', data: { id: endpoint.id } });
    // Later events are not sent to a disabled endpoint.
    await commitEvent(database.db, tenant, 'customer.updated', { id: 'cus_2' });
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(1);
    await receiver.close();
    await watcher.close();
  });

  it('enqueues nothing when the change rolls back, exactly one delivery when it commits', async () => {
    const receiver = await startReceiver();
    const endpoint = await createEndpoint(database.db, tenant, receiver.url, ['product.updated']);
    await expect(withShop(database.db, tenant.shopId, async (tx) => {
      await recordEvent(tx, tenant, 'product.updated', { id: 'prd_rolled_back' });
      throw new Error('the change fails after its event was written');
    })).rejects.toThrow(/change fails/);
    const committed = await commitEvent(database.db, tenant, 'product.updated', { id: 'prd_committed' });

    await waitFor(() => receiver.received.length >= 1, 15_000, 'the committed event');
    // Give stray work every chance to show up: a recovery sweep and a few poll intervals.
    await runner.requeueStalled();
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.received.map((r) => JSON.parse(r.body).data.id)).toEqual(['prd_committed']);
    expect(receiver.received[0]!.headers['x-sumeru-event-id']).toBe(committed);
    const events = await withShop(database.db, tenant.shopId, (tx) => tx.select().from(schema.events).where(sql`${schema.events.data}->>'id' = 'prd_rolled_back'`));
    expect(events).toHaveLength(0);
    expect(await deliveriesOf(database.db, tenant, endpoint.id)).toHaveLength(1);
    await receiver.close();
  });

  it('honours Retry-After on 429 instead of the schedule', async () => {
    const receiver = await startReceiver((_r, i) => (i === 0 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 204 }));
    const endpoint = await createEndpoint(database.db, tenant, receiver.url, ['inventory.updated']);
    // A schedule of 60 s would keep the test waiting: only Retry-After can bring the retry in ~1 s.
    const local = await startJobRunner({ databaseUrl: database.url, db: database.db, secret: PLATFORM_SECRET, logger: silentLogger, concurrency: 1, recoverySeconds: 60, pollIntervalMs: 200, delivery: fastDelivery({ retrySchedule: [60] }) });
    await runner.stop();
    try {
      await commitEvent(database.db, tenant, 'inventory.updated', { sku: 'A' });
      await waitFor(() => receiver.received.length === 2, 10_000, 'the retry');
      const gap = receiver.received[1]!.at - receiver.received[0]!.at;
      expect(gap).toBeGreaterThanOrEqual(900);
      expect(gap).toBeLessThan(10_000);
      await waitFor(async () => (await deliveriesOf(database.db, tenant, endpoint.id))[0]?.status === 'succeeded', 5000, 'success');
    } finally {
      await local.stop();
      runner = await startJobRunner({ databaseUrl: database.url, db: database.db, secret: PLATFORM_SECRET, logger: silentLogger, concurrency: 4, recoverySeconds: 2, pollIntervalMs: 200, delivery: fastDelivery() });
      await receiver.close();
    }
  });

  it('gives up after the last retry of the schedule and marks the delivery failed', async () => {
    const receiver = await startReceiver(() => ({ status: 503 }));
    const endpoint = await createEndpoint(database.db, tenant, receiver.url, ['campaign.launched']);
    await commitEvent(database.db, tenant, 'campaign.launched', { id: 'cam_1' });
    const delivery = await waitForDelivery(database.db, tenant, endpoint.id, async (row) => row.status === 'failed', 20_000, 'the delivery to fail for good');
    // One attempt plus one per scheduled retry ([1, 1, 1]).
    expect(receiver.received).toHaveLength(4);
    expect(delivery.attemptCount).toBe(4);
    expect(delivery.lastStatusCode).toBe(503);
    // Failing for a few seconds is far from the 5 days that disable an endpoint.
    const row = await endpointRow(database.db, tenant, endpoint.id);
    expect(row.enabled).toBe(true);
    expect(row.failingSince).not.toBeNull();
    await receiver.close();
  });

  it('treats a redirect as a failure and never follows it', async () => {
    const target = await startReceiver();
    const redirector = await startReceiver(() => ({ status: 302, headers: { Location: target.url } }));
    const endpoint = await createEndpoint(database.db, tenant, redirector.url, ['order.updated']);
    await commitEvent(database.db, tenant, 'order.updated', { id: 'ord_r' });
    const delivery = await waitForDelivery(database.db, tenant, endpoint.id, async (row) => (await attemptsOf(database.db, tenant, row.id)).length >= 1, 10_000, 'the first attempt');
    const [attempt] = await attemptsOf(database.db, tenant, delivery.id);
    expect(attempt).toMatchObject({ statusCode: 302, succeeded: false });
    expect(target.received).toHaveLength(0);
    await target.close();
    await redirector.close();
  });
});
