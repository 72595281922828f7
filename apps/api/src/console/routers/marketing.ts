import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { authedProcedure, inShop, router } from '../trpc';

const ZShop = z.object({ shopId: z.string().min(1).max(64) });

/** Read views; editing arrives with the marketing engine. */
export const marketingRouter = router({
  campaigns: authedProcedure.input(ZShop).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const c = schema.campaigns;
      const rows = await tx
        .select({ id: c.id, name: c.name, channel: c.channel, status: c.status, audience: schema.segments.name, recipientsCount: c.recipientsCount, scheduledAt: c.scheduledAt, launchedAt: c.launchedAt, createdAt: c.createdAt })
        .from(c)
        .leftJoin(schema.segments, eq(schema.segments.id, c.audienceId))
        .where(eq(c.shopId, input.shopId))
        .orderBy(desc(c.createdAt), desc(c.id))
        .limit(200);
      return rows.map((r) => ({ ...r, scheduledAt: r.scheduledAt?.toISOString() ?? null, launchedAt: r.launchedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() }));
    }),
  ),

  journeys: authedProcedure.input(ZShop).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const j = schema.journeys;
      const rows = await tx
        .select({
          id: j.id, name: j.name, status: j.status, trigger: j.trigger, steps: j.steps, createdAt: j.createdAt,
          // Qualified by hand: drizzle writes a lone table's columns unqualified (they would bind to e's).
          activeEnrollments: sql<number>`(select count(*)::int from journey_enrollments e where e.shop_id = journeys.shop_id and e.journey_id = journeys.id and e.status = 'active')`,
        })
        .from(j)
        .where(eq(j.shopId, input.shopId))
        .orderBy(desc(j.createdAt), desc(j.id))
        .limit(200);
      return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, trigger: r.trigger as unknown as Record<string, unknown>, stepsCount: Array.isArray(r.steps) ? r.steps.length : 0, activeEnrollments: r.activeEnrollments, createdAt: r.createdAt.toISOString() }));
    }),
  ),
});
