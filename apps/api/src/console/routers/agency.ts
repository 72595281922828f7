import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { issuePublishableKey, schema, withAgency, withShop } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { AppError } from '@sumeru/errors';
import { authedProcedure, router, writerProcedure } from '../trpc';

type OverviewRow = {
  id: string; name: string; domain: string | null; currency: string; status: 'active' | 'archived'; created_at: string;
  orders_7d: number; revenue_7d: string; requests_today: number; errors_today: number; rate_limited_today: number;
  active_tokens: number; revoked_tokens: number; webhook_endpoints: number; failing_endpoints: number; disabled_endpoints: number;
};

const ZShopId = z.string().min(1).max(64);

export const agencyRouter = router({
  /** Every shop of the agency at a glance, in one statement under the agency's RLS scope. */
  overview: authedProcedure.query(async ({ ctx }) => {
    const rows = await withAgency(ctx.deps.db, ctx.session.agencyId, async (tx) =>
      (await tx.execute(sql`
        with o as (
          select shop_id, count(*)::int as orders_7d, coalesce(sum(total), 0)::text as revenue_7d
          from orders where placed_at >= now() - interval '7 days' and status <> 'cancelled' group by shop_id
        ), u as (
          select shop_id, sum(requests)::int as requests_today, sum(errors)::int as errors_today, sum(rate_limited)::int as rate_limited_today
          from usage_counters where day = (now() at time zone 'utc')::date group by shop_id
        ), t as (
          select shop_id, count(*) filter (where revoked_at is null)::int as active_tokens, count(*) filter (where revoked_at is not null)::int as revoked_tokens
          from api_tokens group by shop_id
        ), w as (
          select shop_id, count(*)::int as webhook_endpoints,
            count(*) filter (where enabled and failing_since is not null)::int as failing_endpoints,
            count(*) filter (where not enabled)::int as disabled_endpoints
          from webhook_endpoints group by shop_id
        )
        select s.id, s.name, s.domain, s.currency, s.status, s.created_at,
          coalesce(o.orders_7d, 0) as orders_7d, coalesce(o.revenue_7d, '0') as revenue_7d,
          coalesce(u.requests_today, 0) as requests_today, coalesce(u.errors_today, 0) as errors_today, coalesce(u.rate_limited_today, 0) as rate_limited_today,
          coalesce(t.active_tokens, 0) as active_tokens, coalesce(t.revoked_tokens, 0) as revoked_tokens,
          coalesce(w.webhook_endpoints, 0) as webhook_endpoints, coalesce(w.failing_endpoints, 0) as failing_endpoints, coalesce(w.disabled_endpoints, 0) as disabled_endpoints
        from shops s
        left join o on o.shop_id = s.id left join u on u.shop_id = s.id left join t on t.shop_id = s.id left join w on w.shop_id = s.id
        order by s.created_at, s.id`)) as unknown as OverviewRow[],
    );
    return rows.map((r) => ({
      id: r.id, name: r.name, domain: r.domain, currency: r.currency, status: r.status, createdAt: new Date(r.created_at).toISOString(),
      ordersLast7Days: Number(r.orders_7d), revenueLast7Days: r.revenue_7d,
      requestsToday: Number(r.requests_today), errorsToday: Number(r.errors_today), rateLimitedToday: Number(r.rate_limited_today),
      activeTokens: Number(r.active_tokens), revokedTokens: Number(r.revoked_tokens),
      webhookEndpoints: Number(r.webhook_endpoints), failingEndpoints: Number(r.failing_endpoints), disabledEndpoints: Number(r.disabled_endpoints),
    }));
  }),

  shop: authedProcedure.input(z.object({ shopId: ZShopId })).query(async ({ ctx, input }) => {
    const [shop] = await withAgency(ctx.deps.db, ctx.session.agencyId, (tx) => tx.select().from(schema.shops).where(eq(schema.shops.id, input.shopId)).limit(1));
    if (!shop) throw new AppError('not_found', 'No such shop.');
    return { id: shop.id, name: shop.name, domain: shop.domain, currency: shop.currency, timezone: shop.timezone, status: shop.status, createdAt: shop.createdAt.toISOString() };
  }),

  /** A new shop starts with one publishable key, so its embed snippets work at once. */
  createShop: writerProcedure
    .input(z.object({
      name: z.string().trim().min(1).max(120),
      domain: z.string().trim().max(253).regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a host name such as shop.example.com').optional(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').default('EUR'),
    }))
    .mutation(async ({ ctx, input }) => {
      const id = newId('shop');
      await withAgency(ctx.deps.db, ctx.session.agencyId, (tx) =>
        tx.insert(schema.shops).values({ id, agencyId: ctx.session.agencyId, name: input.name, domain: input.domain ?? null, currency: input.currency }),
      );
      await withShop(ctx.deps.db, id, (tx) => issuePublishableKey(tx, { shopId: id, agencyId: ctx.session.agencyId }));
      return { id };
    }),

  archiveShop: writerProcedure.input(z.object({ shopId: ZShopId, archived: z.boolean().default(true) })).mutation(async ({ ctx, input }) => {
    const rows = await withAgency(ctx.deps.db, ctx.session.agencyId, (tx) =>
      tx.update(schema.shops).set({ status: input.archived ? 'archived' : 'active', updatedAt: new Date() })
        .where(and(eq(schema.shops.id, input.shopId), eq(schema.shops.agencyId, ctx.session.agencyId)))
        .returning({ id: schema.shops.id, status: schema.shops.status }),
    );
    if (rows.length === 0) throw new AppError('not_found', 'No such shop.');
    return rows[0]!;
  }),
});
