import { and, eq, gte, sql } from 'drizzle-orm';
import { schema, withShop, type Database } from '@sumeru/db';
import { executeRfmRun } from './execute-rfm-run';

/** The shops a scheduled sweep covers (ids only; the per-shop work runs under RLS). */
export const activeShops = async (db: Database): Promise<{ shopId: string; agencyId: string }[]> => {
  const rows = await db.execute<{ shop_id: string; agency_id: string }>(sql`select shop_id, agency_id from sumeru_active_shops()`);
  return rows.map((r) => ({ shopId: r.shop_id, agencyId: r.agency_id }));
};

/**
 * One shop's scheduled RFM run, at most once per UTC day however often the schedule fires
 * (replicas, restarts): the shop's advisory lock serialises the check and the run.
 */
export const runScheduledDecisionRun = (db: Database, tenant: { shopId: string; agencyId: string }) =>
  withShop(db, tenant.shopId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('decision_run'), hashtext(${tenant.shopId}))`);
    const r = schema.decisionRuns;
    const [done] = await tx
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.shopId, tenant.shopId), eq(r.trigger, 'schedule'), gte(r.startedAt, sql`date_trunc('day', now() at time zone 'utc') at time zone 'utc'`)))
      .limit(1);
    return done ? null : executeRfmRun(tx, tenant, 'schedule');
  });
