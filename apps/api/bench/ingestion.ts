/**
 * `pnpm bench` (part 2): bulk upsert of 10,000 customers through the API (10 requests of
 * 1,000) against a raw multi-row insert of the same rows; attribution over 100,000 orders per
 * model through the API against the maths alone on the same data. Figures and ratios only.
 */
import { sql } from 'drizzle-orm';
import { withShop } from '@sumeru/db';
import { startThrowawayPostgres } from '@sumeru/db/embedded';
import { openTestDatabase } from '@sumeru/db/testing';
import { ATTRIBUTION_MODELS, attributeOrder } from '@sumeru/domain';
import { createTenant, createToken } from '@sumeru/testing';
import { startSumeru } from './servers';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const seconds = (t0: number) => (performance.now() - t0) / 1000;

const main = async () => {
  const embedded = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
  const stopEmbedded = async () => embedded?.stop();
  const database = await openTestDatabase(4, adminUrl);
  try {
    const tenant = await createTenant(database.db, 2);
    const [a, b] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId }));
    const { token } = await createToken(database.db, a!);
    const sumeru = await startSumeru(database.url);
    const items = Array.from({ length: 10_000 }, (_, i) => ({ external_id: `bench-${i}`, email: `bench${i}@example.com`, first_name: `F${i}`, tags: ['bench'] }));

    let t0 = performance.now();
    for (let i = 0; i < items.length; i += 1000) {
      const res = await fetch(`${sumeru.url}/api/v1/customers/bulk`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ data: items.slice(i, i + 1000) }) });
      if (res.status !== 200) console.log(`WARNING: bulk answered ${res.status}`);
    }
    const api = seconds(t0);
    t0 = performance.now();
    await withShop(database.db, b!.shopId, async (tx) => {
      for (let i = 0; i < items.length; i += 1000) {
        const rows = items.slice(i, i + 1000).map((it) => sql`(${`cus_raw${it.external_id}`}, ${b!.agencyId}, ${b!.shopId}, ${it.external_id}, ${it.email}, ${it.first_name}, ${'{bench}'}::text[])`);
        await tx.execute(sql`insert into customers (id, agency_id, shop_id, external_id, email, first_name, tags) values ${sql.join(rows, sql`, `)}`);
      }
    });
    const raw = seconds(t0);
    console.log(`bulk upsert 10,000 customers  api ${api.toFixed(2)} s (${(10_000 / api).toFixed(0)} rows/s) | raw insert ${raw.toFixed(2)} s (${(10_000 / raw).toFixed(0)} rows/s) | ratio ${(raw / api).toFixed(2)}`);

    // Attribution: ORDERS paid orders over 20,000 customers, 2 touchpoints each.
    await withShop(database.db, a!.shopId, (tx) => tx.execute(sql`
      with c as (select id, row_number() over () as n from customers where shop_id = ${a!.shopId} limit 20000)
      insert into orders (id, agency_id, shop_id, customer_id, number, status, subtotal, total, placed_at)
      select 'ord_b' || g, ${a!.agencyId}, ${a!.shopId}, c.id, '#' || g, 'paid', 50, 50, timestamptz '2026-03-01' + (g % 60) * interval '1 day'
      from generate_series(1, ${ORDERS}) g join c on c.n = 1 + g % 10000`));
    await withShop(database.db, a!.shopId, (tx) => tx.execute(sql`
      insert into touchpoints (id, agency_id, shop_id, customer_id, occurred_at, channel, source)
      select 'tch_b' || c.id || k, ${a!.agencyId}, ${a!.shopId}, c.id, timestamptz '2026-02-20' + (k * 17 % 60) * interval '1 day', (array['email','paid_search','social'])[1 + k % 3]::text, 'bench'
      from customers c cross join generate_series(1, 2) k where c.shop_id = ${a!.shopId}`));
    await database.db.$client`analyze`;
    for (const model of ATTRIBUTION_MODELS) {
      t0 = performance.now();
      const res = await fetch(`${sumeru.url}/api/v1/attribution?filter[model]=${model}&limit=100`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { meta?: { summary?: unknown } };
      const apiSeconds = seconds(t0);
      if (res.status !== 200 || !body.meta?.summary) console.log(`WARNING: attribution ${model} answered ${res.status}`);
      const touches = [{ id: 'a', occurredAt: new Date('2026-02-25') }, { id: 'b', occurredAt: new Date('2026-03-10') }];
      t0 = performance.now();
      for (let i = 0; i < ORDERS; i++) attributeOrder(model, touches, new Date('2026-03-20'));
      const maths = seconds(t0);
      console.log(`attribution ${model.padEnd(15)} ${ORDERS.toLocaleString('en')} orders: api (first page + summary) ${apiSeconds.toFixed(2)} s | maths alone ${maths.toFixed(2)} s | ratio ${(maths / apiSeconds).toFixed(2)}`);
    }
    await sumeru.stop();
  } finally {
    await database.close();
    await stopEmbedded();
  }
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
