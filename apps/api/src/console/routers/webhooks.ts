import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { sealSecret } from '@sumeru/auth';
import { schema } from '@sumeru/db';
import { newId, WEBHOOK_EVENT_TYPES } from '@sumeru/domain';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@sumeru/db/schema';
import { AppError } from '@sumeru/errors';
import { generateWebhookSecret } from '@sumeru/webhooks';
import { listDeliveriesPage, replayDelivery, replayFailedInRange } from '../../resources/webhooks/delivery-endpoints';
import { assertDeliverableUrl } from '../../resources/webhooks/url-guard';
import { authedProcedure, inShop, router, writerProcedure } from '../trpc';

const w = schema.webhookEndpoints;
const n = schema.notices;
const ZShop = z.object({ shopId: z.string().min(1).max(64) });
const ZEndpoint = ZShop.extend({ endpointId: z.string().min(1).max(64) });

const serialize = (r: typeof w.$inferSelect) => ({
  id: r.id, url: r.url, description: r.description, events: r.events, enabled: r.enabled, disabledReason: r.disabledReason,
  failingSince: r.failingSince?.toISOString() ?? null, rotating: r.previousSecretExpiresAt !== null && r.previousSecretExpiresAt > new Date(),
  createdAt: r.createdAt.toISOString(),
});

type ResourceLike = { id: string; attributes: Record<string, unknown>; relationships?: Record<string, unknown> };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

const presentAttempt = (r: ResourceLike) => ({
  id: r.id, attempt: num(r.attributes.attempt) ?? 0, startedAt: str(r.attributes.started_at) ?? '', latencyMs: num(r.attributes.latency_ms) ?? 0,
  statusCode: num(r.attributes.status_code), succeeded: r.attributes.succeeded === true, responseExcerpt: str(r.attributes.response_excerpt), error: str(r.attributes.error),
});

/**
 * The REST API's delivery resources (same query, same serialiser) reshaped for the console: each
 * delivery carries its attempts, oldest first.
 */
const presentDelivery = (r: ResourceLike, attempts: Map<string, ReturnType<typeof presentAttempt>>) => {
  const related = (r.relationships?.attempts as { data?: { id: string }[] } | undefined)?.data ?? [];
  return {
    id: r.id, eventId: str(r.attributes.event_id) ?? '', eventType: str(r.attributes.event_type) ?? '', status: str(r.attributes.status) as DeliveryStatus,
    replayOf: str(r.attributes.replay_of), attemptCount: num(r.attributes.attempt_count) ?? 0, lastStatusCode: num(r.attributes.last_status_code),
    lastError: str(r.attributes.last_error), nextAttemptAt: str(r.attributes.next_attempt_at), createdAt: str(r.attributes.created_at) ?? '',
    completedAt: str(r.attributes.completed_at),
    attempts: related.map((a) => attempts.get(a.id)).filter((a): a is ReturnType<typeof presentAttempt> => a !== undefined),
  };
};

const ZRange = ZEndpoint.extend({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'to must be after from', path: ['to'] });

export const webhooksRouter = router({
  eventTypes: authedProcedure.query(() => [...WEBHOOK_EVENT_TYPES]),

  list: authedProcedure.input(ZShop).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => (await tx.select().from(w).where(eq(w.shopId, input.shopId)).orderBy(desc(w.createdAt), desc(w.id))).map(serialize)),
  ),

  /** Same URL guard as the REST API (https, no private targets); the secret is shown once. */
  create: writerProcedure
    .input(ZShop.extend({ url: z.string().trim().min(1).max(2000), description: z.string().trim().max(500).optional(), events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1) }))
    .mutation(({ ctx, input }) =>
      inShop(ctx.session, ctx.deps, input.shopId, async (tx, shop) => {
        const url = assertDeliverableUrl(ctx.deps.config, input.url);
        const secret = generateWebhookSecret();
        const [row] = await tx.insert(w).values({
          id: newId('webhookEndpoint'), agencyId: shop.agencyId, shopId: shop.id, url, description: input.description ?? null,
          events: [...new Set(input.events)], secretSealed: sealSecret(secret, ctx.deps.secret),
        }).returning();
        return { endpoint: serialize(row!), secret };
      }),
    ),

  /** A new secret, shown once; the previous one keeps signing for 24 hours. */
  rotateSecret: writerProcedure.input(ZEndpoint).mutation(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const [current] = await tx.select().from(w).where(eq(w.id, input.endpointId)).limit(1);
      if (!current) throw new AppError('not_found', 'No such webhook endpoint.');
      const secret = generateWebhookSecret();
      const [row] = await tx.update(w).set({
        secretSealed: sealSecret(secret, ctx.deps.secret), previousSecretSealed: current.secretSealed,
        previousSecretExpiresAt: sql`now() + interval '24 hours'`, updatedAt: new Date(),
      }).where(eq(w.id, current.id)).returning();
      return { endpoint: serialize(row!), secret };
    }),
  ),

  /** Which event types the endpoint subscribes to. */
  setEvents: writerProcedure.input(ZEndpoint.extend({ events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1) })).mutation(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const [row] = await tx.update(w).set({ events: [...new Set(input.events)], updatedAt: new Date() }).where(eq(w.id, input.endpointId)).returning();
      if (!row) throw new AppError('not_found', 'No such webhook endpoint.');
      return serialize(row);
    }),
  ),

  /** Re-enabling clears the failure state, as PATCH enabled=true does in the REST API. */
  setEnabled: writerProcedure.input(ZEndpoint.extend({ enabled: z.boolean() })).mutation(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const changes = input.enabled ? { enabled: true, disabledReason: null, failingSince: null } : { enabled: false, disabledReason: 'disabled by an operator' };
      const [row] = await tx.update(w).set({ ...changes, updatedAt: new Date() }).where(eq(w.id, input.endpointId)).returning();
      if (!row) throw new AppError('not_found', 'No such webhook endpoint.');
      return serialize(row);
    }),
  ),

  /** An endpoint's deliveries, newest first, each with every attempt; `cursor` pages on. */
  deliveries: authedProcedure
    .input(ZEndpoint.extend({ status: z.enum(DELIVERY_STATUSES).optional(), cursor: z.string().min(1).max(2000).optional(), limit: z.number().int().min(1).max(100).default(25) }))
    .query(({ ctx, input }) =>
      inShop(ctx.session, ctx.deps, input.shopId, async (tx, shop) => {
        const query = { limit: String(input.limit), include: 'attempts', ...(input.status ? { filter: { status: input.status } } : {}), ...(input.cursor ? { cursor: input.cursor } : {}) };
        const page = await listDeliveriesPage(tx, input.endpointId, query, { secret: ctx.deps.secret, shopId: shop.id });
        const attempts = new Map(page.included.map((a) => [a.id, presentAttempt(a)]));
        return { items: page.data.map((r) => presentDelivery(r, attempts)), nextCursor: page.nextCursor };
      }),
    ),

  /** Sends one delivery's event again as a new delivery; refused (409) while the endpoint is disabled. */
  replay: writerProcedure.input(ZEndpoint.extend({ deliveryId: z.string().min(1).max(64) })).mutation(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const row = await replayDelivery(tx, input.endpointId, input.deliveryId);
      return { id: row.id, replayOf: row.replayOf, status: row.status };
    }),
  ),

  /** Replays every delivery that failed for good in [from, to). */
  replayFailed: writerProcedure.input(ZRange).mutation(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const ids = await replayFailedInRange(tx, input.endpointId, new Date(input.from), new Date(input.to));
      return { replayedCount: ids.length, deliveryIds: ids };
    }),
  ),

  /** Unread operator notices of the shop (an endpoint disabled, …), newest first. */
  notices: authedProcedure.input(ZShop).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) =>
      (await tx.select().from(n).where(isNull(n.readAt)).orderBy(desc(n.createdAt), desc(n.id)).limit(20)).map((r) => ({
        id: r.id, kind: r.kind, message: r.message, subjectId: r.subjectId, createdAt: r.createdAt.toISOString(),
      })),
    ),
  ),

  /** Marks a notice read: it leaves the banner for every operator of the agency. */
  markNoticeRead: writerProcedure.input(ZShop.extend({ noticeId: z.string().min(1).max(64) })).mutation(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const [row] = await tx.update(n).set({ readAt: new Date() }).where(and(eq(n.id, input.noticeId), isNull(n.readAt))).returning({ id: n.id });
      if (!row) {
        const [exists] = await tx.select({ id: n.id }).from(n).where(eq(n.id, input.noticeId)).limit(1);
        if (!exists) throw new AppError('not_found', 'No such notice.');
      }
      return { id: input.noticeId, read: true };
    }),
  ),
});
