import { and, asc, eq, gte, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { AppError, notFound } from '@sumeru/errors';
import { unwrapAttributes, zodToValidationError } from '../../listing/attributes';
import { listBody, parseListQuery, parseSingleQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { DELIVERY_INCLUDES, deliverySpec, presentDeliveries } from './delivery-resource';

const d = schema.webhookDeliveries;
const w = schema.webhookEndpoints;
type DeliveryRow = typeof d.$inferSelect;

const common = { resource: deliverySpec, stability: 'beta' as const };
const endpointParams = z.object({ id: z.string() });
const deliveryParams = z.object({ id: z.string(), delivery_id: z.string() });

/** At most this many deliveries are replayed by one range replay. */
export const RANGE_REPLAY_LIMIT = 1000;

export const findEndpointOr404 = async (tx: Tx, id: string) => {
  const [row] = await tx.select().from(w).where(eq(w.id, id)).limit(1);
  if (!row) throw notFound('webhook endpoint');
  return row;
};

export const findDeliveryOr404 = async (tx: Tx, endpointId: string, deliveryId: string): Promise<DeliveryRow> => {
  const [row] = await tx.select().from(d).where(and(eq(d.id, deliveryId), eq(d.endpointId, endpointId))).limit(1);
  if (!row) throw notFound('webhook delivery');
  return row;
};

/** Replays go to enabled endpoints only: a disabled one would just cancel them. */
export const assertEnabled = (endpoint: typeof w.$inferSelect) => {
  if (!endpoint.enabled) throw new AppError('conflict', 'The endpoint is disabled; enable it before replaying deliveries.', { details: { endpoint_id: endpoint.id } });
};

/** A new delivery of the same event to the same endpoint; its insert queues the send. */
const replayOf = (original: DeliveryRow) => ({
  id: newId('webhookDelivery'), agencyId: original.agencyId, shopId: original.shopId, endpointId: original.endpointId,
  eventId: original.eventId, eventType: original.eventType, replayOf: original.id,
});

/** One page of an endpoint's deliveries (list parameters as in the REST API), with attempts when included. Shared with the console. */
export const listDeliveriesPage = async (tx: Tx, endpointId: string, query: Record<string, unknown>, options: { secret: string; shopId: string }) => {
  await findEndpointOr404(tx, endpointId);
  const plan = parseListQuery(deliverySpec, query, { includes: DELIVERY_INCLUDES, secret: options.secret, shopId: options.shopId, fixedFilters: { endpoint_id: endpointId } });
  const page = await runList<DeliveryRow>(tx, deliverySpec, plan, options.secret);
  const { data, included } = await presentDeliveries(tx, page.rows, plan);
  return { data, included, nextCursor: page.nextCursor, include: plan.include };
};

/** Queues a new delivery of one delivery's event (409 when the endpoint is disabled). Shared with the console. */
export const replayDelivery = async (tx: Tx, endpointId: string, deliveryId: string): Promise<DeliveryRow> => {
  assertEnabled(await findEndpointOr404(tx, endpointId));
  const original = await findDeliveryOr404(tx, endpointId, deliveryId);
  const [row] = await tx.insert(d).values(replayOf(original)).returning();
  return row!;
};

/** Replays the deliveries that failed for good in [from, to), oldest first, at most RANGE_REPLAY_LIMIT. Shared with the console. */
export const replayFailedInRange = async (tx: Tx, endpointId: string, from: Date, to: Date): Promise<string[]> => {
  assertEnabled(await findEndpointOr404(tx, endpointId));
  const failed = await tx
    .select()
    .from(d)
    .where(and(eq(d.endpointId, endpointId), eq(d.status, 'failed'), isNull(d.replayOf), gte(d.createdAt, from), lt(d.createdAt, to)))
    .orderBy(asc(d.createdAt), asc(d.id))
    .limit(RANGE_REPLAY_LIMIT);
  const rows = failed.length > 0 ? await tx.insert(d).values(failed.map(replayOf)).returning({ id: d.id }) : [];
  return rows.map((r) => r.id);
};

export const listWebhookDeliveries = defineEndpoint<{ id: string }, Record<string, unknown>>({
  ...common, operationId: 'listWebhookDeliveries', method: 'get', path: '/webhook-endpoints/:id/deliveries', scope: 'webhooks:read', params: endpointParams, query: 'raw', includes: DELIVERY_INCLUDES,
  summary: "List an endpoint's deliveries",
  description: 'Each delivery is one event owed to this endpoint; `include=attempts` adds every HTTP attempt with its status, latency and response excerpt.',
  handler: async ({ tx, params, query, token, deps }) => {
    const page = await listDeliveriesPage(tx, params.id, query, { secret: deps.secret, shopId: token.shopId });
    return { status: 200, body: listBody(page.data, page.nextCursor, page.include.length > 0 ? page.included : undefined) };
  },
});

export const getWebhookDelivery = defineEndpoint<{ id: string; delivery_id: string }, Record<string, unknown>>({
  ...common, operationId: 'getWebhookDelivery', method: 'get', path: '/webhook-endpoints/:id/deliveries/:delivery_id', scope: 'webhooks:read', params: deliveryParams, query: 'raw', includes: DELIVERY_INCLUDES,
  summary: 'Get a delivery',
  handler: async ({ tx, params, query }) => {
    const options = parseSingleQuery(deliverySpec, query, DELIVERY_INCLUDES);
    const row = await findDeliveryOr404(tx, params.id, params.delivery_id);
    const { data, included } = await presentDeliveries(tx, [row], options);
    return { status: 200, body: { data: data[0], ...(options.include.length > 0 ? { included } : {}) } };
  },
});

export const replayWebhookDelivery = defineEndpoint<{ id: string; delivery_id: string }, Record<string, never>>({
  ...common, operationId: 'replayWebhookDelivery', method: 'post', path: '/webhook-endpoints/:id/deliveries/:delivery_id/replay', scope: 'webhooks:write', params: deliveryParams, query: z.strictObject({}),
  successStatus: 202,
  summary: 'Send a delivery again',
  description: 'Queues a new delivery of the same event (same event id and body) to this endpoint. Replays never count towards disabling the endpoint.',
  handler: async ({ tx, params }) => {
    const row = await replayDelivery(tx, params.id, params.delivery_id);
    const { data } = await presentDeliveries(tx, [row], { fields: null, include: [] });
    return { status: 202, body: { data: data[0] } };
  },
});

const ZRangeReplay = z.strictObject({
  created_from: z.iso.datetime({ offset: true }),
  created_to: z.iso.datetime({ offset: true }),
}).refine((r) => Date.parse(r.created_from) < Date.parse(r.created_to), { message: 'created_to must be after created_from', path: ['created_to'] });

export const replayFailedWebhookDeliveries = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  stability: 'beta', operationId: 'replayFailedWebhookDeliveries', method: 'post', path: '/webhook-endpoints/:id/deliveries/replay', scope: 'webhooks:write', params: endpointParams, query: z.strictObject({}), body: z.unknown(),
  operation: 'action', successStatus: 202, requestSchema: ZRangeReplay,
  responseSchema: z.object({ data: z.object({ replayed_count: z.number().int(), delivery_ids: z.array(z.string()) }) }),
  summary: 'Send the failed deliveries of a time range again',
  description: `Replays every delivery that failed for good (status \`failed\`) and was created in [created_from, created_to), at most ${RANGE_REPLAY_LIMIT} per call, oldest first.`,
  handler: async ({ tx, params, body }) => {
    const parsed = ZRangeReplay.safeParse(unwrapAttributes(body));
    if (!parsed.success) throw zodToValidationError(parsed.error);
    const ids = await replayFailedInRange(tx, params.id, new Date(parsed.data.created_from), new Date(parsed.data.created_to));
    return { status: 202, body: { data: { replayed_count: ids.length, delivery_ids: ids } } };
  },
});
