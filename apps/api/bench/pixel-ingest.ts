/**
 * `pnpm bench` (issue 6 §5): pixel ingest, events per second through `POST /api/public/events`
 * (batches of 50, 50 connections, the whole public pipeline: per-IP and per-key limits,
 * publishable-key auth, body parsing, per-event validation, the shop's RLS transaction,
 * de-duplicating insert) against a raw multi-row insert of the same events into pixel_events
 * (same pool size, 50 concurrent batches, each in the shop's transaction), in one run.
 * Target: 20,000 events/s through the API. Figures and ratio only; the machine is shared.
 *
 * The load generator is this same file re-run in a child process (`--load`), so autocannon
 * does not share the server's event loop, and it gives every event a fresh event_id (a
 * repeated id would be de-duplicated, which is cheaper and would flatter the API).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { count, sql } from 'drizzle-orm';
import { loadConfig } from '@sumeru/config';
import { issuePublishableKey, schema, withShop } from '@sumeru/db';
import { startThrowawayPostgres } from '@sumeru/db/embedded';
import { openTestDatabase } from '@sumeru/db/testing';
import { createTenant } from '@sumeru/testing';
import { createApp } from '../src/app';
import { closeDeps, createDeps } from '../src/bootstrap';
import { createLogger } from '../src/logger';
import { BENCH_SECRET } from './servers';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BATCH = 50;
const POOL = 10;
const TARGET = 20_000;

const TYPES = ['page_view', 'product_viewed', 'added_to_cart', 'page_view', 'removed_from_cart', 'checkout_started', 'page_view'];

/** The same events for both sides: a storefront's mix of standard events over 1,000 visitors. */
const eventsOf = (prefix: string, n: number, at: string) =>
  Array.from({ length: BATCH }, (_, i) => {
    const type = TYPES[(n + i) % TYPES.length]!;
    return {
      event_id: `${prefix}-${n}-${i}`,
      type,
      anonymous_id: `anon-${(n * 7 + i) % 1000}`,
      occurred_at: at,
      url: `https://shop.example/products/p-${i % 40}`,
      referrer: 'https://shop.example/',
      properties: type === 'page_view' ? {} : { product_id: `prd_${i % 40}`, quantity: 1 + (i % 3), price: 49.9 },
    };
  });

// ---- child process: autocannon with a fresh body per request --------------------------------

type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, result: AutocannonResult) => void) => unknown;
type AutocannonResult = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; statusCodeStats?: Record<string, { count: number }> };

const runLoad = async (url: string, key: string, seconds: number, prefix: string) => {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const at = new Date(Date.now() - 60_000).toISOString();
  let n = 0;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    autocannon(
      {
        url: `${url}/api/public/events`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-sumeru-key': key },
            setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ events: eventsOf(prefix, n++, at) }) }),
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
  });
  process.stdout.write(JSON.stringify(result));
};

const load = (url: string, key: string, seconds: number, prefix: string): Promise<AutocannonResult> =>
  new Promise((resolve, reject) => {
    const args = [...process.execArgv, fileURLToPath(import.meta.url), '--load', url, key, String(seconds), prefix];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as AutocannonResult) : reject(new Error(`load generator exited ${code}`))));
  });

// ---- parent: database, API, both measurements ------------------------------------------------

const rawBatch = (tenant: { agencyId: string; shopId: string }, events: ReturnType<typeof eventsOf>) =>
  sql`insert into pixel_events (agency_id, shop_id, event_id, occurred_at, name, anonymous_id, url, referrer, properties, user_agent) values ${sql.join(
    events.map((e) => sql`(${tenant.agencyId}, ${tenant.shopId}, ${e.event_id}, ${e.occurred_at}::timestamptz, ${e.type}, ${e.anonymous_id}, ${e.url}, ${e.referrer}, ${JSON.stringify(e.properties)}::jsonb, ${'autocannon'})`),
    sql`, `,
  )} on conflict do nothing`;

const main = async () => {
  const embedded = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
  const database = await openTestDatabase(POOL, adminUrl);
  try {
    const tenant = await createTenant(database.db, 2);
    const [apiShop, rawShop] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId })) as [{ agencyId: string; shopId: string }, { agencyId: string; shopId: string }];
    const { key } = await withShop(database.db, apiShop.shopId, (tx) => issuePublishableKey(tx, apiShop));

    // The real app; the per-IP (pro) and per-key (enterprise) ingest limits raised out of reach.
    const config = loadConfig({
      NODE_ENV: 'test', LOG_LEVEL: 'silent', SUMERU_SECRET: BENCH_SECRET, DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(POOL),
      RATE_LIMIT_TIERS: '{"pro":{"limit":100000000},"enterprise":{"limit":100000000}}',
    });
    const deps = createDeps(config, { databaseUrl: database.url, secret: BENCH_SECRET, logger: createLogger('silent') });
    const server = createApp(deps).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

    // One batch by hand first: the endpoint must accept the load generator's events.
    const check = await fetch(`${url}/api/public/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sumeru-key': key }, body: JSON.stringify({ events: eventsOf('check', 0, new Date().toISOString()) }) });
    const checked = (await check.json()) as { data?: { accepted_count?: number } };
    if (check.status !== 202 || checked.data?.accepted_count !== BATCH) throw new Error(`ingest check failed: ${check.status} ${JSON.stringify(checked).slice(0, 500)}`);

    console.log(`pixel ingest: batches of ${BATCH} events, ${CONNECTIONS} connections, pool ${POOL}, ${SECONDS} s measured after a warm-up\n`);
    await load(url, key, Math.max(2, Math.round(SECONDS / 3)), 'warm');
    const stored = async (shopId: string) => (await withShop(database.db, shopId, (tx) => tx.select({ n: count() }).from(schema.pixelEvents)))[0]!.n;
    const before = await stored(apiShop.shopId);
    const result = await load(url, key, SECONDS, 'run');
    const apiStored = (await stored(apiShop.shopId)) - before;
    const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => `${code}×${s.count}`).join(' ');
    // Accepted batches (202) in the measured window; batches still in flight when it closed are
    // stored too, so the table holds at least this many.
    const apiRate = (result.requests.total * BATCH) / SECONDS;
    if (result.non2xx > 0 || result.errors > 0) console.log(`WARNING: ${result.non2xx} non-2xx, ${result.errors} errors (${statuses})`);
    if (apiStored < result.requests.total * BATCH) console.log(`WARNING: ${apiStored} events stored for ${result.requests.total} accepted batches of ${BATCH}`);
    await new Promise((r) => server.close(r));
    await closeDeps(deps);

    // Raw: the same events, 50 batches in flight over a pool of the same size, for as long.
    const at = new Date(Date.now() - 60_000).toISOString();
    let n = 0;
    const insertFor = async (prefix: string, ms: number) => {
      const until = performance.now() + ms;
      await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          const events = eventsOf(prefix, n++, at);
          await withShop(database.db, rawShop.shopId, (tx) => tx.execute(rawBatch(rawShop, events)));
        }
      }));
    };
    await insertFor('warm', Math.max(2, Math.round(SECONDS / 3)) * 1000);
    const rawBefore = await stored(rawShop.shopId);
    const t0 = performance.now();
    await insertFor('run', SECONDS * 1000);
    const rawSeconds = (performance.now() - t0) / 1000;
    const rawRate = ((await stored(rawShop.shopId)) - rawBefore) / rawSeconds;

    console.log(`api  POST /api/public/events  ${apiRate.toFixed(0).padStart(7)} events/s  (${result.requests.average.toFixed(0)} batches/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${statuses})`);
    console.log(`raw  multi-row insert          ${rawRate.toFixed(0).padStart(7)} events/s`);
    console.log(`(${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}: other work on the machine weighs on both figures)`);
    console.log(`ratio api/raw ${(apiRate / rawRate).toFixed(2)}   target ${TARGET.toLocaleString('en')} events/s through the API: ${apiRate >= TARGET ? 'met' : 'NOT met'}`);
  } finally {
    await database.close();
    await embedded?.stop();
  }
};

if (process.argv[2] === '--load') {
  const [url, key, seconds, prefix] = process.argv.slice(3);
  runLoad(url!, key!, Number(seconds), prefix!).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
