import { sql } from 'drizzle-orm';
import type { Database, Tx } from '@sumeru/db';

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/** 'YYYY-MM' of `date` moved by `months` (UTC). */
const monthPlus = (date: Date, months: number) => monthOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));

/**
 * Keeps monthly pixel_events partitions ahead of the clock by calling the migration's
 * `sumeru_ensure_pixel_event_partitions` (previous, current and next two months). It is DDL,
 * not tenant data, so it runs on the app's own connection rather than as the RLS role. Each
 * process calls it once per calendar month; the function is idempotent and safe across replicas.
 *
 * `ensure()` is awaited at start-up (main.ts). `ready(tx)` is what an ingest calls from inside
 * its transaction, and it must not wait for the DDL there unless the partition is really
 * missing: the DDL needs a second pool connection, and a burst of ingests holding every
 * connection while waiting for it would deadlock the pool. So when this month's partition is
 * known to exist (an earlier call created it, or the catalogue says so), the month's call runs
 * in the background and the insert goes ahead.
 */
export const createPartitionKeeper = (db: Database) => {
  let ensured: { month: string; done: Promise<void> } | null = null;
  /** The last month whose partition is known to exist. */
  let coveredThrough = '';
  const ensure = (): Promise<void> => {
    const now = new Date();
    const month = monthOf(now);
    if (ensured?.month !== month) {
      const done = db
        .execute(sql`select sumeru_ensure_pixel_event_partitions(((now() at time zone 'UTC') - interval '1 month')::date, 4)`)
        .then(() => {
          const through = monthPlus(now, 2);
          if (through > coveredThrough) coveredThrough = through;
        });
      ensured = { month, done };
      // A failure is retried by the next request instead of being remembered.
      done.catch(() => {
        if (ensured?.done === done) ensured = null;
      });
    }
    return ensured.done;
  };
  const ready = async (tx: Tx): Promise<void> => {
    const month = monthOf(new Date());
    if (month > coveredThrough) {
      const partition = `pixel_events_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
      const [row] = await tx.execute<{ found: boolean }>(sql`select to_regclass(${`public.${partition}`}) is not null as found`);
      if (!row?.found) return ensure();
      if (month > coveredThrough) coveredThrough = month;
    }
    if (ensured?.month !== month) ensure().catch(() => {});
  };
  return { ensure, ready };
};

export type PartitionKeeper = ReturnType<typeof createPartitionKeeper>;

const keepers = new WeakMap<Database, PartitionKeeper>();

/** One keeper per connection pool (per app instance), created on first use. */
export const partitionKeeperFor = (db: Database): PartitionKeeper => {
  let keeper = keepers.get(db);
  if (!keeper) keepers.set(db, (keeper = createPartitionKeeper(db)));
  return keeper;
};
