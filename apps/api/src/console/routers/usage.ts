import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withAgency, type Tx } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { isTierName } from '@sumeru/rate-limit';
import type { ApiDeps } from '../../deps';
import { authedProcedure, inShop, router } from '../trpc';

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const MAX_DAYS = 92;

type Counts = { requests: number; errors: number; rateLimited: number };
const counts = (r: { requests: unknown; errors: unknown; rate_limited: unknown }): Counts => ({ requests: Number(r.requests), errors: Number(r.errors), rateLimited: Number(r.rate_limited) });

const listDays = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
};

/** Sums of usage_counters in the range, grouped three ways; RLS decides whose rows they are. */
const summarize = async (tx: Tx, deps: ApiDeps, from: string, to: string) => {
  const range = sql`day between ${from}::date and ${to}::date`;
  const sums = sql`sum(requests)::int as requests, sum(errors)::int as errors, sum(rate_limited)::int as rate_limited`;
  type Row = { requests: number; errors: number; rate_limited: number };
  const byDay = (await tx.execute(sql`select day::text as day, ${sums} from usage_counters where ${range} group by day`)) as unknown as (Row & { day: string })[];
  const byRoute = (await tx.execute(sql`select route, ${sums} from usage_counters where ${range} group by route order by sum(requests) desc limit 100`)) as unknown as (Row & { route: string })[];
  const byToken = (await tx.execute(sql`
    select u.token_id, u.shop_id, s.name as shop_name, t.name, t.tier, t.prefix, t.last_four, t.revoked_at, ${sums}
    from usage_counters u left join api_tokens t on t.id = u.token_id left join shops s on s.id = u.shop_id
    where ${range} group by u.token_id, u.shop_id, s.name, t.name, t.tier, t.prefix, t.last_four, t.revoked_at order by sum(u.requests) desc limit 100`)) as unknown as (Row & { token_id: string; shop_id: string; shop_name: string | null; name: string | null; tier: string | null; prefix: string | null; last_four: string | null; revoked_at: string | null })[];
  const dayMap = new Map(byDay.map((r) => [r.day, counts(r)]));
  const days = listDays(from, to).map((day) => ({ day, ...(dayMap.get(day) ?? { requests: 0, errors: 0, rateLimited: 0 }) }));
  return {
    from, to, days,
    totals: days.reduce((acc, d) => ({ requests: acc.requests + d.requests, errors: acc.errors + d.errors, rateLimited: acc.rateLimited + d.rateLimited }), { requests: 0, errors: 0, rateLimited: 0 }),
    routes: byRoute.map((r) => ({ route: r.route, ...counts(r) })),
    tokens: byToken.map((r) => {
      const tier = isTierName(r.tier) ? deps.tiers[r.tier] : null;
      return {
        tokenId: r.token_id, shopId: r.shop_id, shopName: r.shop_name, name: r.name ?? '(deleted token)', hint: r.prefix ? `${r.prefix}…${r.last_four}` : null, revoked: r.revoked_at !== null,
        tier: tier ? { name: tier.name, limit: tier.limit, windowSeconds: tier.windowSeconds } : null,
        ...counts(r),
      };
    }),
  };
};

export const usageRouter = router({
  /** Shop level when shopId is given, else the whole agency. Days are UTC, both ends inclusive. */
  summary: authedProcedure
    .input(z.object({ shopId: z.string().min(1).max(64).optional(), from: ZDay, to: ZDay }))
    .query(async ({ ctx, input }) => {
      const span = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
      if (!(span >= 0)) throw new AppError('validation_failed', 'to must not be before from.', { details: { field: 'to' } });
      if (span >= MAX_DAYS) throw new AppError('validation_failed', `The range may span at most ${MAX_DAYS} days.`, { details: { field: 'from' } });
      return input.shopId
        ? inShop(ctx.session, ctx.deps, input.shopId, (tx) => summarize(tx, ctx.deps, input.from, input.to))
        : withAgency(ctx.deps.db, ctx.session.agencyId, (tx) => summarize(tx, ctx.deps, input.from, input.to));
    }),
});
