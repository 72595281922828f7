import { sql } from 'drizzle-orm';
import { schema, withShop, type Database } from '@sumeru/db';
import type { Logger } from '../logger';

export type UsageCounts = { requests: number; errors: number; rateLimited: number };

type Bucket = UsageCounts & { agencyId: string; shopId: string; tokenId: string; day: string; route: string };

export type UsageRecorder = {
  record: (entry: { agencyId: string; shopId: string; tokenId: string; route: string; status: number; at?: Date }) => void;
  /** Counts recorded by this process and not yet written, for one shop. */
  pending: (shopId: string) => Bucket[];
  flush: () => Promise<void>;
  start: () => void;
  stop: () => Promise<void>;
};

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Counts requests in memory and writes them in batches: no database write on the request
 * path. Increments are additive upserts, so any number of replicas can flush into the same
 * rows. A failed flush puts its counts back; `stop()` flushes what is left.
 */
export const createUsageRecorder = (db: Database, logger: Logger, intervalMs: number): UsageRecorder => {
  let buckets = new Map<string, Bucket>();
  let lastUsed = new Map<string, { shopId: string; at: Date }>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const add = (target: Map<string, Bucket>, bucket: Bucket) => {
    const key = `${bucket.shopId}|${bucket.tokenId}|${bucket.day}|${bucket.route}`;
    const existing = target.get(key);
    if (existing) {
      existing.requests += bucket.requests;
      existing.errors += bucket.errors;
      existing.rateLimited += bucket.rateLimited;
    } else target.set(key, { ...bucket });
  };

  const writeShop = async (shopId: string, rows: Bucket[], used: { tokenId: string; at: Date }[]) =>
    withShop(db, shopId, async (tx) => {
      await tx
        .insert(schema.usageCounters)
        .values(rows)
        .onConflictDoUpdate({
          target: [schema.usageCounters.shopId, schema.usageCounters.day, schema.usageCounters.tokenId, schema.usageCounters.route],
          set: {
            requests: sql`${schema.usageCounters.requests} + excluded.requests`,
            errors: sql`${schema.usageCounters.errors} + excluded.errors`,
            rateLimited: sql`${schema.usageCounters.rateLimited} + excluded.rate_limited`,
          },
        });
      for (const { tokenId, at } of used) {
        await tx.execute(sql`update api_tokens set last_used_at = greatest(last_used_at, ${at.toISOString()}::timestamptz) where id = ${tokenId}`);
      }
    });

  const flushOnce = async () => {
    const batch = buckets;
    const used = lastUsed;
    buckets = new Map();
    lastUsed = new Map();
    const byShop = new Map<string, Bucket[]>();
    for (const bucket of batch.values()) byShop.set(bucket.shopId, [...(byShop.get(bucket.shopId) ?? []), bucket]);
    for (const [shopId, rows] of byShop) {
      const shopUsed = [...used.entries()].filter(([, u]) => u.shopId === shopId).map(([tokenId, u]) => ({ tokenId, at: u.at }));
      try {
        await writeShop(shopId, rows, shopUsed);
      } catch (err) {
        logger.warn({ err, shop_id: shopId }, 'usage flush failed; counts kept for the next flush');
        for (const row of rows) add(buckets, row);
        for (const { tokenId, at } of shopUsed) if (!lastUsed.has(tokenId)) lastUsed.set(tokenId, { shopId, at });
      }
    }
  };

  const flush = () => {
    flushing = flushing.then(flushOnce);
    return flushing;
  };

  return {
    record: ({ agencyId, shopId, tokenId, route, status, at = new Date() }) => {
      add(buckets, {
        agencyId, shopId, tokenId, route, day: utcDay(at),
        requests: 1,
        errors: status >= 400 && status !== 429 ? 1 : 0,
        rateLimited: status === 429 ? 1 : 0,
      });
      lastUsed.set(tokenId, { shopId, at });
    },
    pending: (shopId) => [...buckets.values()].filter((b) => b.shopId === shopId).map((b) => ({ ...b })),
    flush,
    start: () => {
      timer ??= setInterval(() => void flush(), intervalMs);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
};
