import { and, eq, isNull, sql } from 'drizzle-orm';
import { newId } from '@sumeru/domain';
import { schema, withShop } from '@sumeru/db';
import type { JobDeps } from '../settings';

const e = schema.events;
const w = schema.webhookEndpoints;

/**
 * Fans an outbox event out to the shop's enabled endpoints subscribed to its type: one
 * delivery each (their insert trigger queues the sends), then marks the event dispatched, all
 * in one transaction. The row lock and the unique (endpoint, event) index make a second run
 * of the same job a no-op.
 */
export const dispatchEvent = async (deps: JobDeps, input: { shopId: string; eventId: string }): Promise<number> =>
  withShop(deps.db, input.shopId, async (tx) => {
    const [event] = await tx.select().from(e).where(and(eq(e.id, input.eventId), isNull(e.dispatchedAt))).for('update').limit(1);
    if (!event) return 0;
    const endpoints = await tx
      .select({ id: w.id })
      .from(w)
      .where(and(eq(w.enabled, true), sql`${w.events} @> array[${event.type}]::text[]`));
    if (endpoints.length > 0) {
      await tx
        .insert(schema.webhookDeliveries)
        .values(endpoints.map((endpoint) => ({
          id: newId('webhookDelivery'), agencyId: event.agencyId, shopId: event.shopId, endpointId: endpoint.id, eventId: event.id, eventType: event.type,
        })))
        .onConflictDoNothing();
    }
    await tx.update(e).set({ dispatchedAt: new Date() }).where(eq(e.id, event.id));
    return endpoints.length;
  });
