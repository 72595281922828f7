import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, withShop } from '@sumeru/db';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { createTenant } from '@sumeru/testing';
import { createPartitionKeeper } from './partitions';

let database: OpenTestDatabase;
let shop: { agencyId: string; shopId: string };

beforeAll(async () => {
  // A pool of two connections: a burst of ingests can hold all of them at once.
  database = await openTestDatabase(2);
  const tenant = await createTenant(database.db, 1);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
});

afterAll(async () => {
  await database?.close();
});

const ingest = (keeper: ReturnType<typeof createPartitionKeeper>, n: number) =>
  withShop(database.db, shop.shopId, async (tx) => {
    await keeper.ready(tx);
    await tx.insert(schema.pixelEvents).values({ ...shop, eventId: `evt-${n}`, occurredAt: new Date(), name: 'page_view', anonymousId: 'anon-1' });
  });

describe('the pixel_events partition keeper', () => {
  it('does not deadlock the pool when a fresh process meets a burst of ingests bigger than the pool', async () => {
    const keeper = createPartitionKeeper(database.db);
    const burst = Promise.all(Array.from({ length: 6 }, (_, n) => ingest(keeper, n)));
    const outcome = await Promise.race([burst.then(() => 'done'), new Promise((r) => setTimeout(() => r('stuck'), 10_000))]);
    expect(outcome).toBe('done');
    const [row] = await withShop(database.db, shop.shopId, (tx) => tx.select({ n: count() }).from(schema.pixelEvents));
    expect(row!.n).toBe(6);
  });

  it('creates this month’s partition before the insert when it is missing', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const partition = `pixel_events_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
    // The test database's owner may drop it; the rows of the first test go with it.
    await database.db.execute(sql.raw(`drop table public.${partition}`));
    const keeper = createPartitionKeeper(database.db);
    await ingest(keeper, 100);
    const [found] = await database.db.execute<{ found: boolean }>(sql`select to_regclass(${`public.${partition}`}) is not null as found`);
    expect(found!.found).toBe(true);
  });
});
