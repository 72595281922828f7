import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { startJobRunner, type JobRunner } from '@sumeru/jobs';
import { createTenant } from '@sumeru/testing';
import { attemptsOf, commitEvent, createEndpoint, fastDelivery, PLATFORM_SECRET, silentLogger, type Tenant, waitForDelivery } from './support/fixtures';
import { startReceiver } from './support/receiver';

let database: OpenTestDatabase;
let runner: JobRunner;
let tenant: Tenant;

// The worker as production runs it: private targets refused. Endpoints are written straight to
// the table, as if created before a policy change, so the send-time guard is what is tested.
beforeAll(async () => {
  database = await openTestDatabase(6);
  const t = await createTenant(database.db, 1);
  tenant = { agencyId: t.agencyId, shopId: t.shopIds[0]! };
  runner = await startJobRunner({
    databaseUrl: database.url, db: database.db, secret: PLATFORM_SECRET, logger: silentLogger,
    concurrency: 4, recoverySeconds: 60, pollIntervalMs: 200, delivery: fastDelivery({ allowPrivateTargets: false, retrySchedule: [] }),
  });
});

afterAll(async () => {
  await runner?.stop();
  await database?.close();
});

describe('SSRF guard at send time', () => {
  it('refuses loopback, mapped, link-local, metadata and numeric-literal targets without connecting', async () => {
    const listener = await startReceiver();
    const port = listener.port;
    const targets = [
      `http://127.0.0.1:${port}/hooks`,
      `https://127.0.0.1:${port}/hooks`,
      `https://[::1]:${port}/hooks`,
      `https://[::ffff:127.0.0.1]:${port}/hooks`,
      `https://localhost:${port}/hooks`,
      'https://169.254.169.254/latest/meta-data',
      'https://2852039166/latest/meta-data',
      'https://0x7f000001/hooks',
      'https://10.0.0.8/hooks',
      'https://100.64.0.1/hooks',
    ];
    const endpoints = [];
    for (const url of targets) endpoints.push({ url, ...(await createEndpoint(database.db, tenant, url, ['order.created'])) });
    await commitEvent(database.db, tenant, 'order.created', { id: 'ord_ssrf' });

    for (const endpoint of endpoints) {
      const delivery = await waitForDelivery(database.db, tenant, endpoint.id, async (row) => row.status === 'failed', 15_000, `the delivery to ${endpoint.url} to fail`);
      const [attempt] = await attemptsOf(database.db, tenant, delivery.id);
      expect(attempt!.statusCode, endpoint.url).toBeNull();
      expect(attempt!.error, endpoint.url).toMatch(/^refused: /);
    }
    expect(listener.received).toHaveLength(0);
    await listener.close();
  });
});
