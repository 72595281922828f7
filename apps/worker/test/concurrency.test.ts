import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { deliverWebhook, startJobRunner, type JobRunner } from '@sumeru/jobs';
import { createTenant } from '@sumeru/testing';
import { commitEvent, createEndpoint, deliveriesOf, fastDelivery, PLATFORM_SECRET, silentLogger, type Tenant } from './support/fixtures';
import { startReceiver, waitFor } from './support/receiver';

let database: OpenTestDatabase;
let runners: JobRunner[] = [];
let tenant: Tenant;

beforeAll(async () => {
  database = await openTestDatabase(12);
  const t = await createTenant(database.db, 1);
  tenant = { agencyId: t.agencyId, shopId: t.shopIds[0]! };
});

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await database?.close();
});

describe('two workers over one queue', () => {
  it('deliver every event exactly once, never the same delivery twice at the same time', async () => {
    const inFlight = new Map<string, number>();
    const overlaps: string[] = [];
    const receiver = await startReceiver((req) => {
      const id = req.headers['x-sumeru-event-id'] as string;
      const now = (inFlight.get(id) ?? 0) + 1;
      if (now > 1) overlaps.push(id);
      inFlight.set(id, now);
      setTimeout(() => inFlight.set(id, (inFlight.get(id) ?? 1) - 1), 60);
      return { status: 200, delayMs: 60 };
    });
    const endpoint = await createEndpoint(database.db, tenant, receiver.url, ['order.created']);
    const deps = { databaseUrl: database.url, db: database.db, secret: PLATFORM_SECRET, logger: silentLogger, concurrency: 4, recoverySeconds: 1, pollIntervalMs: 100, delivery: fastDelivery() };
    runners = [await startJobRunner(deps), await startJobRunner(deps)];

    const eventIds: string[] = [];
    for (let i = 0; i < 40; i += 1) eventIds.push(await commitEvent(database.db, tenant, 'order.created', { n: i }));
    // A third party racing the workers for the same deliveries: the claim lets only one send.
    const racing = (async () => {
      for (let round = 0; round < 20; round += 1) {
        const rows = await deliveriesOf(database.db, tenant, endpoint.id);
        await Promise.all(rows.map((r) => deliverWebhook({ db: database.db, secret: PLATFORM_SECRET, logger: silentLogger, delivery: deps.delivery }, { shopId: tenant.shopId, deliveryId: r.id })));
        await runners[0]!.requeueStalled();
      }
    })();

    await waitFor(async () => {
      const rows = await deliveriesOf(database.db, tenant, endpoint.id);
      return rows.length === 40 && rows.every((r) => r.status === 'succeeded');
    }, 30_000, 'all 40 deliveries');
    await racing;
    const perEvent = new Map<string, number>();
    for (const r of receiver.received) perEvent.set(r.headers['x-sumeru-event-id'] as string, (perEvent.get(r.headers['x-sumeru-event-id'] as string) ?? 0) + 1);
    expect([...perEvent.keys()].sort()).toEqual([...eventIds].sort());
    expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
    expect(overlaps).toEqual([]);
    await receiver.close();
  });
});
