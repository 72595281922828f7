/**
 * `pnpm bench`: GET /api/v1/customers?limit=50 through the whole pipeline vs a bare Express +
 * postgres.js handler on the same data, then the first page vs a page deep into 100,000
 * customers. Prints figures and ratios; targets are printed beside them, never asserted.
 */
import { startThrowawayPostgres } from '@sumeru/db/embedded';
import { openTestDatabase } from '@sumeru/db/testing';
import { CONNECTIONS, SECONDS, describeLoad, load } from './load';
import { deepCursor } from './deep-cursor';
import { CUSTOMERS, seedBenchData } from './seed';
import { startBare, startSumeru } from './servers';

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

const main = async () => {
  const embedded = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
  const stopEmbedded = async () => embedded?.stop();
  const database = await openTestDatabase(4, adminUrl);
  try {
    console.log(`seeding ${CUSTOMERS.toLocaleString('en')} customers…`);
    const { shop, token } = await seedBenchData(database.db);
    const sumeru = await startSumeru(database.url);
    const bare = await startBare(database.url, shop.shopId);
    const auth = { authorization: `Bearer ${token}` };
    console.log(`load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s measured after a warm-up, one server at a time\n`);

    const pipeline = await load(`${sumeru.url}/api/v1/customers?limit=50`, auth);
    console.log(describeLoad('sumeru /api/v1', pipeline));
    const baseline = await load(`${bare.url}/customers`);
    console.log(describeLoad('bare express+postgres', baseline));

    const cursor = await deepCursor(database.db, shop.shopId, 90_000);
    const check = await fetch(`${sumeru.url}/api/v1/customers?limit=50&cursor=${cursor.cursor}`, { headers: auth });
    const firstDeep = ((await check.json()) as { data: { id: string }[] }).data[0]?.id;
    if (check.status !== 200 || firstDeep !== cursor.nextId) console.log(`WARNING: deep cursor check failed (${check.status}, ${firstDeep} vs ${cursor.nextId})`);
    const first = await load(`${sumeru.url}/api/v1/customers?limit=50`, auth);
    console.log(describeLoad('first page', first));
    const deep = await load(`${sumeru.url}/api/v1/customers?limit=50&cursor=${cursor.cursor}`, auth);
    console.log(describeLoad('page at row 90,000', deep));

    await sumeru.stop();
    await bare.stop();
    for (const [name, r] of [['sumeru', pipeline], ['bare', baseline], ['first', first], ['deep', deep]] as const) {
      if (r.non2xx > 0 || r.errors > 0) console.log(`WARNING: ${name} had ${r.non2xx} non-2xx responses and ${r.errors} errors`);
    }
    const throughput = ratio(pipeline.rps, baseline.rps);
    const depth = ratio(deep.p50, first.p50);
    console.log('\nsummary');
    console.log(`  customers list   sumeru ${pipeline.rps.toFixed(0)} req/s p50 ${pipeline.p50} ms p99 ${pipeline.p99} ms | bare ${baseline.rps.toFixed(0)} req/s p50 ${baseline.p50} ms p99 ${baseline.p99} ms`);
    console.log(`  throughput ratio ${throughput.toFixed(2)} (target ≥ 0.70)   sumeru p99 ${pipeline.p99} ms at ${CONNECTIONS} connections (target < 50 ms)`);
    console.log(`  deep page        p50 ${deep.p50} ms vs first ${first.p50} ms: ratio ${depth.toFixed(2)} (target ≤ 1.30); req/s ${deep.rps.toFixed(0)} vs ${first.rps.toFixed(0)}`);
  } finally {
    await database.close();
    await stopEmbedded();
  }
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
