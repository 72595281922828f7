import { and, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { defineEndpoint } from '../../pipeline/endpoint';
import { state } from '../../http/request-context';

type Totals = { requests: number; errors: number; rate_limited: number };

const zero = (): Totals => ({ requests: 0, errors: 0, rate_limited: 0 });
const addTo = (totals: Totals, row: { requests: number; errors: number; rateLimited: number }) => {
  totals.requests += row.requests;
  totals.errors += row.errors;
  totals.rate_limited += row.rateLimited;
};

/**
 * This token's and this shop's request counts for today and this month (UTC), from the
 * flushed counters plus what this replica has counted and not yet written.
 */
export const getUsage = defineEndpoint<Record<string, never>, Record<string, never>>({
  operationId: 'getUsage',
  method: 'get',
  path: '/usage',
  summary: "Usage of this token and its shop, with the tier's limits",
  scope: null,
  stability: 'stable',
  query: z.strictObject({}),
  handler: async ({ tx, token, deps, res }) => {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const monthStart = `${today.slice(0, 7)}-01`;
    const u = schema.usageCounters;
    const rows = await tx
      .select({
        tokenId: u.tokenId,
        day: u.day,
        requests: sql<number>`sum(${u.requests})::int`,
        errors: sql<number>`sum(${u.errors})::int`,
        rateLimited: sql<number>`sum(${u.rateLimited})::int`,
      })
      .from(u)
      .where(and(eq(u.shopId, token.shopId), gte(u.day, monthStart)))
      .groupBy(u.tokenId, u.day);
    const pending = deps.usage.pending(token.shopId).filter((b) => b.day >= monthStart);

    const tokenToday = zero(), tokenMonth = zero(), shopToday = zero(), shopMonth = zero();
    const byDay = new Map<string, Totals>();
    const byRoute = new Map<string, Totals>();
    const routed = await tx
      .select({ route: u.route, requests: sql<number>`sum(${u.requests})::int`, errors: sql<number>`sum(${u.errors})::int`, rateLimited: sql<number>`sum(${u.rateLimited})::int` })
      .from(u)
      .where(and(eq(u.shopId, token.shopId), gte(u.day, monthStart)))
      .groupBy(u.route);
    for (const row of [...routed, ...pending]) addTo(byRoute.get(row.route) ?? byRoute.set(row.route, zero()).get(row.route)!, row);
    for (const row of [...rows, ...pending]) {
      addTo(byDay.get(row.day) ?? byDay.set(row.day, zero()).get(row.day)!, row);
      addTo(shopMonth, row);
      if (row.day === today) addTo(shopToday, row);
      if (row.tokenId === token.id) {
        addTo(tokenMonth, row);
        if (row.day === today) addTo(tokenToday, row);
      }
    }
    const tier = deps.tiers[token.tier];
    const headers = state(res).rateLimitHeaders ?? {};
    return {
      status: 200,
      body: {
        data: {
          id: token.id,
          type: 'usage',
          attributes: {
            period: { today, month_start: monthStart, timezone: 'UTC' },
            token: { id: token.id, today: tokenToday, this_month: tokenMonth },
            shop: { id: token.shopId, today: shopToday, this_month: shopMonth },
            tier: { name: token.tier, limit: tier.limit, window_seconds: tier.windowSeconds },
            // This month for the whole shop, by UTC day and by route.
            by_day: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, t]) => ({ day, ...t })),
            by_route: [...byRoute].sort((a, b) => b[1].requests - a[1].requests).map(([route, t]) => ({ route, ...t })),
            rate_limit: {
              limit: Number(headers['X-RateLimit-Limit'] ?? tier.limit),
              remaining: Number(headers['X-RateLimit-Remaining'] ?? tier.limit),
              reset: Number(headers['X-RateLimit-Reset'] ?? 0),
            },
          },
        },
      },
    };
  },
});
