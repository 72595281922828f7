import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import type { ResourceSpec } from '../../listing/resource-spec';
import { createSerializer, type ResourceObject } from '../../listing/serialize';

const d = schema.webhookDeliveries;
const a = schema.webhookAttempts;
type DeliveryRow = typeof d.$inferSelect;

export const DELIVERY_INCLUDES = ['attempts'] as const;

/** One event owed to one endpoint: where it stands and what the last attempt got. */
export const deliverySpec: ResourceSpec = {
  type: 'webhook_delivery',
  table: d,
  id: d.id,
  shop: d.shopId,
  defaultSort: '-created_at',
  attributes: {
    endpoint_id: { column: d.endpointId, kind: 'string', filter: true },
    event_id: { column: d.eventId, kind: 'string', filter: true },
    event_type: { column: d.eventType, kind: 'string', filter: true },
    status: { column: d.status, kind: 'string', filter: true },
    replay_of: { column: d.replayOf, kind: 'string', filter: true },
    attempt_count: { column: d.attemptCount, kind: 'integer', filter: 'range', sort: true },
    next_attempt_at: { column: d.nextAttemptAt, kind: 'datetime' },
    last_status_code: { column: d.lastStatusCode, kind: 'integer', filter: true },
    last_error: { column: d.lastError, kind: 'string' },
    created_at: { column: d.createdAt, kind: 'datetime', filter: 'range', sort: true },
    completed_at: { column: d.completedAt, kind: 'datetime' },
  },
};

/** Every HTTP attempt: when, how long, what the receiver said. */
export const attemptSpec: ResourceSpec = {
  type: 'webhook_attempt',
  table: a,
  id: a.id,
  shop: a.shopId,
  defaultSort: 'attempt',
  attributes: {
    delivery_id: { column: a.deliveryId, kind: 'string' },
    attempt: { column: a.attempt, kind: 'integer', sort: true },
    started_at: { column: a.startedAt, kind: 'datetime' },
    latency_ms: { column: a.latencyMs, kind: 'integer' },
    status_code: { column: a.statusCode, kind: 'integer' },
    succeeded: { column: a.succeeded, kind: 'boolean' },
    response_excerpt: { column: a.responseExcerpt, kind: 'string' },
    error: { column: a.error, kind: 'string' },
  },
};


const serializeDelivery = createSerializer(deliverySpec);
const serializeAttempt = createSerializer(attemptSpec);

/** Deliveries with `relationships.attempts` and, for `include=attempts`, the attempts (one query). */
export const presentDeliveries = async (
  tx: Tx,
  rows: DeliveryRow[],
  options: { fields: string[] | null; include: string[] },
): Promise<{ data: ResourceObject[]; included: ResourceObject[] }> => {
  const wantsAttempts = options.include.includes('attempts') && rows.length > 0;
  const attempts = wantsAttempts
    ? await tx.select().from(a).where(and(eq(a.shopId, rows[0]!.shopId), inArray(a.deliveryId, rows.map((r) => r.id)))).orderBy(asc(a.deliveryId), asc(a.attempt))
    : [];
  const data = rows.map((row) => serializeDelivery(row, {
    fields: options.fields,
    relationships: {
      endpoint: { data: { type: 'webhook_endpoint', id: row.endpointId }, links: { related: `/api/v1/webhook-endpoints/${row.endpointId}` } },
      event: { data: { type: 'event', id: row.eventId } },
      ...(wantsAttempts ? { attempts: { data: attempts.filter((t) => t.deliveryId === row.id).map((t) => ({ type: 'webhook_attempt', id: t.id })) } } : {}),
    },
  }));
  return { data, included: attempts.map((t) => serializeAttempt(t)) };
};
