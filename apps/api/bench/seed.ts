import { sql } from 'drizzle-orm';
import { withShop, type Database } from '@sumeru/db';
import { createTenant, createToken } from '@sumeru/testing';

export const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);

/**
 * One shop with CUSTOMERS customers (and a second, smaller shop so RLS has rows to hide),
 * inserted with generate_series under RLS exactly as the app writes.
 */
export const seedBenchData = async (db: Database) => {
  const tenant = await createTenant(db, 2);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  const insert = (shopId: string, count: number) =>
    withShop(db, shopId, (tx) =>
      tx.execute(sql`
        insert into customers (id, agency_id, shop_id, external_id, email, first_name, last_name, lifecycle_stage, tags,
                               accepts_marketing, total_spent, orders_count, last_order_at, created_at, updated_at)
        select 'cus_' || md5(${shopId} || n::text), ${tenant.agencyId}, ${shopId}, 'ext_' || n, 'customer' || n || '@example.com',
               'First' || n, 'Last' || n, (array['new','active','loyal','at_risk','churned'])[1 + n % 5], array['tag' || (n % 7)],
               n % 2 = 0, (n % 5000) * 1.37, n % 23, now() - (n % 900) * interval '1 day',
               timestamptz '2024-01-01' + n * interval '7 minutes', now()
        from generate_series(1, ${count}) as n`),
    );
  await insert(shop.shopId, CUSTOMERS);
  await insert(tenant.shopIds[1]!, 1000);
  await db.$client`analyze customers`;
  const { token } = await createToken(db, shop, { tier: 'enterprise' });
  return { shop, token };
};
