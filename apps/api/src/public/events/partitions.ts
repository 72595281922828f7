import { sql } from 'drizzle-orm';
import type { Database } from '@sumeru/db';

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/**
 * Keeps monthly pixel_events partitions ahead of the clock by calling the migration's
 * `sumeru_ensure_pixel_event_partitions` (previous, current and next two months). It is DDL,
 * not tenant data, so it runs on the app's own connection rather than as the RLS role. Each
 * process calls it once per calendar month (the first ingest of a month waits for it); the
 * function is idempotent and safe across replicas.
 */
export const createPartitionKeeper = (db: Database) => {
  let ensured: { month: string; done: Promise<void> } | null = null;
  const ensure = (): Promise<void> => {
    const month = monthOf(new Date());
    if (ensured?.month !== month) {
      const done = db
        .execute(sql`select sumeru_ensure_pixel_event_partitions(((now() at time zone 'UTC') - interval '1 month')::date, 4)`)
        .then(() => undefined);
      ensured = { month, done };
      // A failure is retried by the next request instead of being remembered.
      done.catch(() => {
        if (ensured?.done === done) ensured = null;
      });
    }
    return ensured.done;
  };
  return { ensure };
};

export type PartitionKeeper = ReturnType<typeof createPartitionKeeper>;

const keepers = new WeakMap<Database, PartitionKeeper>();

/** One keeper per connection pool (per app instance), created on first use. */
export const partitionKeeperFor = (db: Database): PartitionKeeper => {
  let keeper = keepers.get(db);
  if (!keeper) keepers.set(db, (keeper = createPartitionKeeper(db)));
  return keeper;
};
