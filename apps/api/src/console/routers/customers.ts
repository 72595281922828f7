import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { LIFECYCLE_STAGES } from '@sumeru/domain';
import { AppError } from '@sumeru/errors';
import { authedProcedure, inShop, router } from '../trpc';

const c = schema.customers;
const PAGE = 50;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export const customersRouter = router({
  /** Search by email, name or external id; filter by lifecycle stage; newest first, 50 a page. */
  list: authedProcedure
    .input(z.object({ shopId: z.string().min(1).max(64), search: z.string().trim().max(200).optional(), stage: z.enum(LIFECYCLE_STAGES).optional(), page: z.number().int().min(0).max(1000).default(0) }))
    .query(({ ctx, input }) =>
      inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
        const where: SQL[] = [eq(c.shopId, input.shopId)];
        if (input.stage) where.push(eq(c.lifecycleStage, input.stage));
        if (input.search) {
          const pattern = `%${escapeLike(input.search)}%`;
          where.push(or(ilike(c.email, pattern), ilike(c.firstName, pattern), ilike(c.lastName, pattern), ilike(c.externalId, pattern))!);
        }
        const rows = await tx.select().from(c).where(and(...where)).orderBy(desc(c.createdAt), desc(c.id)).limit(PAGE + 1).offset(input.page * PAGE);
        return {
          hasNext: rows.length > PAGE,
          customers: rows.slice(0, PAGE).map((r) => ({
            id: r.id, email: r.email, name: [r.firstName, r.lastName].filter(Boolean).join(' ') || null, lifecycleStage: r.lifecycleStage,
            ordersCount: r.ordersCount, totalSpent: r.totalSpent, currency: r.currency, lastOrderAt: r.lastOrderAt?.toISOString() ?? null, tags: r.tags,
          })),
        };
      }),
    ),

  /** Customer 360: profile, orders, attribution touchpoints, journeys, and one merged timeline. */
  get: authedProcedure.input(z.object({ shopId: z.string().min(1).max(64), customerId: z.string().min(1).max(64) })).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const [customer] = await tx.select().from(c).where(eq(c.id, input.customerId)).limit(1);
      if (!customer) throw new AppError('not_found', 'No such customer.');
      const orders = await tx.select().from(schema.orders).where(eq(schema.orders.customerId, customer.id)).orderBy(desc(schema.orders.placedAt)).limit(100);
      const touchpoints = await tx.select().from(schema.touchpoints).where(eq(schema.touchpoints.customerId, customer.id)).orderBy(asc(schema.touchpoints.occurredAt)).limit(200);
      const enrollments = await tx
        .select({ id: schema.journeyEnrollments.id, status: schema.journeyEnrollments.status, enrolledAt: schema.journeyEnrollments.enrolledAt, journeyName: schema.journeys.name })
        .from(schema.journeyEnrollments)
        .innerJoin(schema.journeys, eq(schema.journeys.id, schema.journeyEnrollments.journeyId))
        .where(eq(schema.journeyEnrollments.customerId, customer.id))
        .orderBy(desc(schema.journeyEnrollments.enrolledAt))
        .limit(50);
      // Storefront events of every browser stitched to this customer (pixel identify or order).
      const anonymousIds = tx.select({ id: schema.identities.anonymousId }).from(schema.identities).where(and(eq(schema.identities.shopId, input.shopId), eq(schema.identities.customerId, customer.id)));
      const events = await tx
        .select({ id: schema.pixelEvents.eventId, name: schema.pixelEvents.name, occurredAt: schema.pixelEvents.occurredAt, url: schema.pixelEvents.url })
        .from(schema.pixelEvents)
        .where(and(eq(schema.pixelEvents.shopId, input.shopId), inArray(schema.pixelEvents.anonymousId, anonymousIds)))
        .orderBy(desc(schema.pixelEvents.occurredAt))
        .limit(100);
      const timeline = [
        ...events.map((e) => ({ at: e.occurredAt.toISOString(), kind: 'event' as const, title: `${e.name.replace(/_/g, ' ')}${e.url ? ` · ${e.url}` : ''}` })),
        { at: customer.createdAt.toISOString(), kind: 'created' as const, title: 'Customer created' },
        ...orders.map((o) => ({ at: o.placedAt.toISOString(), kind: 'order' as const, title: `Order ${o.number} · ${o.total} ${o.currency} · ${o.status}` })),
        ...touchpoints.map((t) => ({ at: t.occurredAt.toISOString(), kind: 'touchpoint' as const, title: `${t.channel}${t.source ? ` · ${t.source}` : ''}${t.campaign ? ` · ${t.campaign}` : ''}` })),
        ...enrollments.map((e) => ({ at: e.enrolledAt.toISOString(), kind: 'journey' as const, title: `Enrolled in ${e.journeyName} (${e.status})` })),
      ].sort((a, b) => b.at.localeCompare(a.at));
      return {
        profile: {
          id: customer.id, email: customer.email, firstName: customer.firstName, lastName: customer.lastName, phone: customer.phone, externalId: customer.externalId,
          lifecycleStage: customer.lifecycleStage, tags: customer.tags, acceptsMarketing: customer.acceptsMarketing, currency: customer.currency,
          totalSpent: customer.totalSpent, ordersCount: customer.ordersCount, lastOrderAt: customer.lastOrderAt?.toISOString() ?? null, createdAt: customer.createdAt.toISOString(),
        },
        orders: orders.map((o) => ({ id: o.id, number: o.number, status: o.status, total: o.total, currency: o.currency, placedAt: o.placedAt.toISOString() })),
        touchpoints: touchpoints.map((t) => ({ id: t.id, occurredAt: t.occurredAt.toISOString(), channel: t.channel, source: t.source, medium: t.medium, campaign: t.campaign, landingUrl: t.landingUrl })),
        journeys: enrollments.map((e) => ({ id: e.id, journeyName: e.journeyName, status: e.status, enrolledAt: e.enrolledAt.toISOString() })),
        timeline: timeline.slice(0, 300),
      };
    }),
  ),

  stages: authedProcedure.input(z.object({ shopId: z.string().min(1).max(64) })).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) =>
      tx.select({ stage: c.lifecycleStage, count: sql<number>`count(*)::int` }).from(c).where(eq(c.shopId, input.shopId)).groupBy(c.lifecycleStage),
    ),
  ),
});
