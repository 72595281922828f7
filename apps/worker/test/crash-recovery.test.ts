import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { createTenant } from '@sumeru/testing';
import { attemptsOf, commitEvent, createEndpoint, type Tenant, waitForDelivery } from './support/fixtures';
import { startReceiver, waitFor } from './support/receiver';
import { startWorkerProcess as spawnWorker } from './support/worker-process';

let database: OpenTestDatabase;
let tenant: Tenant;
const children: ChildProcess[] = [];
const startWorkerProcess = (databaseUrl: string) => {
  const child = spawnWorker(databaseUrl);
  children.push(child);
  return child;
};

beforeAll(async () => {
  database = await openTestDatabase(4);
  const t = await createTenant(database.db, 1);
  tenant = { agencyId: t.agencyId, shopId: t.shopIds[0]! };
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await database?.close();
});

describe('a worker killed with SIGKILL in the middle of a delivery', () => {
  it('loses nothing: another worker delivers it once the dead one’s claim runs out', async () => {
    const workers: { first?: ChildProcess } = {};
    const receiver = await startReceiver((_req, i) => {
      if (i === 0) {
        // The first worker is mid-request: kill it without any chance to clean up.
        workers.first?.kill('SIGKILL');
        return { status: 200, hang: true };
      }
      return { status: 200, body: 'ok' };
    });
    const endpoint = await createEndpoint(database.db, tenant, receiver.url, ['order.created']);
    const first = startWorkerProcess(database.url);
    workers.first = first;
    const eventId = await commitEvent(database.db, tenant, 'order.created', { id: 'ord_crash' });

    await waitFor(() => receiver.received.length >= 1, 30_000, 'the first worker to start sending');
    await waitFor(() => first.exitCode !== null || first.signalCode !== null, 5000, 'the first worker to die');
    expect(first.signalCode).toBe('SIGKILL');

    const second = startWorkerProcess(database.url);
    const delivery = await waitForDelivery(database.db, tenant, endpoint.id, async (row) => row.status === 'succeeded', 40_000, 'the second worker to deliver');
    expect(receiver.received.map((r) => r.headers['x-sumeru-event-id'])).toEqual([eventId, eventId]);
    expect(receiver.received.map((r) => r.headers['x-sumeru-delivery-attempt'])).toEqual(['1', '2']);
    // The killed attempt left no record (its worker died before writing one); the second did.
    expect((await attemptsOf(database.db, tenant, delivery.id)).map((a) => [a.attempt, a.statusCode])).toEqual([[2, 200]]);

    // Graceful shutdown: SIGTERM lets it finish and exit 0.
    second.kill('SIGTERM');
    await waitFor(() => second.exitCode !== null, 15_000, 'the second worker to stop');
    expect(second.exitCode).toBe(0);
    await receiver.close();
  }, 90_000);
});
