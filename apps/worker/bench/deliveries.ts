/**
 * `pnpm bench` (worker): outbound webhook deliveries per second to a local receiver with one
 * and with two workers, and commit-to-delivery latency (p50, p99), against a plain loop that
 * POSTs the same signed payloads straight to the receiver (the ceiling: no queue, no database).
 * Figures and ratios only; nothing is asserted.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sealSecret } from '@sumeru/auth';
import { recordEvent, schema, withShop, type Database } from '@sumeru/db';
import { startThrowawayPostgres } from '@sumeru/db/embedded';
import { openTestDatabase } from '@sumeru/db/testing';
import { newId } from '@sumeru/domain';
import { sendWebhook, startJobRunner, type JobRunner } from '@sumeru/jobs';
import { createTenant } from '@sumeru/testing';
import { generateWebhookSecret, signDelivery } from '@sumeru/webhooks';
import { pino } from 'pino';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 10);
const SECRET = 'bench-platform-secret-of-at-least-32-chars';
const logger = pino({ level: 'silent' });
const delivery = { timeoutMs: 15_000, retrySchedule: [5], disableAfterMs: 5 * 86_400_000, allowPrivateTargets: true };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** A receiver that answers 200 at once and notes when each event id arrived. */
const startReceiver = async () => {
  const arrivals = new Map<string, number>();
  let waiting: { n: number; resolve: () => void } | null = null;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.set(String(req.headers['x-sumeru-event-id']), performance.now());
      res.writeHead(200).end();
      if (waiting && arrivals.size >= waiting.n) waiting.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrivals,
    reset: () => arrivals.clear(),
    until: (n: number) => new Promise<void>((resolve) => {
      if (arrivals.size >= n) resolve();
      else waiting = { n, resolve };
    }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
};

const PACED_EVENTS = Number(process.env.BENCH_WEBHOOK_PACED_EVENTS ?? 200);
const PACED_INTERVAL_MS = 20;

const commitOne = async (db: Database, tenant: { agencyId: string; shopId: string }, n: number, committed: Map<string, number>) => {
  const id = await withShop(db, tenant.shopId, (tx) => recordEvent(tx, tenant, 'order.created', { id: `ord_bench_${n}`, total: 49.9, currency: 'EUR' }));
  committed.set(id, performance.now());
};

/** Throughput: commits EVENTS outbox events as fast as 10 writers can (a backlog builds). */
const commitBurst = async (db: Database, tenant: { agencyId: string; shopId: string }) => {
  const committed = new Map<string, number>();
  let next = 0;
  await Promise.all(Array.from({ length: 10 }, async () => {
    while (next < EVENTS) await commitOne(db, tenant, next++, committed);
  }));
  return committed;
};

/** Latency: one event every 20 ms (50/s, below saturation), as an application would write them. */
const commitPaced = async (db: Database, tenant: { agencyId: string; shopId: string }) => {
  const committed = new Map<string, number>();
  const writes: Promise<void>[] = [];
  for (let n = 0; n < PACED_EVENTS; n += 1) {
    writes.push(commitOne(db, tenant, n, committed));
    await new Promise((r) => setTimeout(r, PACED_INTERVAL_MS));
  }
  await Promise.all(writes);
  return committed;
};

const main = async () => {
  const embedded = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
  const database = await openTestDatabase(CONCURRENCY * 2 + 12, process.env.DATABASE_URL ?? embedded!.adminUrl);
  const receiver = await startReceiver();
  try {
    // Baseline: the same kind of payload, signed and POSTed directly, CONCURRENCY at a time.
    const secret = generateWebhookSecret();
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < EVENTS) {
        const id = `evt_plain_${next++}`;
        const body = JSON.stringify({ id, type: 'order.created', created_at: new Date().toISOString(), data: { id: 'ord_plain', total: 49.9, currency: 'EUR' } });
        await sendWebhook(receiver.url, body, signDelivery({ eventId: id, eventType: 'order.created', body, secrets: [secret], timestamp: Math.floor(Date.now() / 1000), attempt: 1 }), delivery);
      }
    }));
    const plainRate = EVENTS / ((performance.now() - t0) / 1000);
    console.log(`webhooks  plain POST loop (ceiling)  ${plainRate.toFixed(0)} deliveries/s  (${EVENTS} events, ${CONCURRENCY} at a time)`);

    for (const workers of [1, 2]) {
      const runners: JobRunner[] = [];
      for (let i = 0; i < workers; i += 1) {
        runners.push(await startJobRunner({ databaseUrl: database.url, db: database.db, secret: SECRET, logger, concurrency: CONCURRENCY, recoverySeconds: 60, pollIntervalMs: 1000, delivery }));
      }
      const measure = async (commit: typeof commitBurst, n: number) => {
        const tenant = await createTenant(database.db, 1).then((t) => ({ agencyId: t.agencyId, shopId: t.shopIds[0]! }));
        await withShop(database.db, tenant.shopId, (tx) => tx.insert(schema.webhookEndpoints).values({
          id: newId('webhookEndpoint'), ...tenant, url: receiver.url, events: ['order.created'], secretSealed: sealSecret(generateWebhookSecret(), SECRET),
        }));
        receiver.reset();
        const start = performance.now();
        const committed = await commit(database.db, tenant);
        await receiver.until(n);
        const seconds = (performance.now() - start) / 1000;
        const latencies = [...committed].map(([id, at]) => receiver.arrivals.get(id)! - at);
        return { rate: n / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
      };
      const burst = await measure(commitBurst, EVENTS);
      const paced = await measure(commitPaced, PACED_EVENTS);
      await Promise.all(runners.map((r) => r.stop()));
      const label = `${workers} worker${workers > 1 ? 's' : ' '} x ${CONCURRENCY} jobs`;
      console.log(`webhooks  ${label}  ${burst.rate.toFixed(0)} deliveries/s  ratio to ceiling ${(burst.rate / plainRate).toFixed(2)}  (backlog: commit→delivery p50 ${burst.p50.toFixed(0)} ms, p99 ${burst.p99.toFixed(0)} ms)`);
      console.log(`webhooks  ${label}  at 50 events/s: commit→delivery p50 ${paced.p50.toFixed(0)} ms  p99 ${paced.p99.toFixed(0)} ms`);
    }
  } finally {
    await receiver.close();
    await database.close();
    await embedded?.stop();
  }
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
