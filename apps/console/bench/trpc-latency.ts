/**
 * `pnpm bench`: latency of the console's two heaviest queries, agency.overview and
 * usage.summary (30 days, agency level), over real HTTP on the demo data set with a month of
 * usage counters. Prints p50/p95/p99 against the 100 ms p95 target; never asserts.
 */
import { startThrowawayPostgres } from '@sumeru/db/embedded';
import { createTestDatabase } from '@sumeru/db/testing';
import { seedDemo } from '@sumeru/demo';
import { ConsoleClient, openSuperuser } from '../../api/test/console-client';
import { startTestApi, TEST_SECRET } from '../../api/test/helpers/test-api';

const ROUNDS = Number(process.env.BENCH_CONSOLE_ROUNDS ?? 300);
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const measure = async (label: string, run: () => Promise<number>) => {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const status = await run();
    times.push(performance.now() - start);
    if (status !== 200) throw new Error(`${label} answered ${status}`);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(`${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms  (target p95 < 100 ms: ${p95 < 100 ? 'met' : 'MISSED'})`);
};

const main = async () => {
  const embedded = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
  const database = await createTestDatabase(adminUrl);
  const api = await startTestApi({}, { database });
  try {
    const demo = await seedDemo(api.deps.db, { platformSecret: TEST_SECRET });
    // A month of usage: 3 tokens x 8 routes x 30 days per shop.
    const sql = openSuperuser(api);
    for (const shop of demo.shops) {
      await sql`
        insert into usage_counters (agency_id, shop_id, token_id, day, route, requests, errors, rate_limited)
        select ${demo.agency.id}, ${shop.id}, 'tok_bench_' || t, (current_date - d), 'GET /api/v1/r' || r, 100 + d * r, d % 7, d % 3
        from generate_series(0, 29) d, generate_series(1, 3) t, generate_series(1, 8) r`;
    }
    await sql.end();
    const client = new ConsoleClient(api);
    await client.signIn(demo.operator.email, demo.operator.password);
    console.log(`console tRPC latency, ${ROUNDS} sequential requests each, demo data (${demo.shops.length} shops):`);
    await measure('agency.overview', async () => (await client.query('agency.overview')).status);
    await measure('usage.summary (agency, 30 days)', async () => (await client.query('usage.summary', { from: day(29), to: day(0) })).status);
    await measure('usage.summary (shop, 30 days)', async () => (await client.query('usage.summary', { shopId: demo.shops[0]!.id, from: day(29), to: day(0) })).status);
  } finally {
    await api.close();
    await embedded?.stop();
  }
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
