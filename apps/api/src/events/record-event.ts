import { schema, type Tx } from '@sumeru/db';
import { newId, type WebhookEventType } from '@sumeru/domain';

/**
 * Appends an event to the outbox inside the caller's transaction: it commits with the change
 * that caused it or not at all. The payload is what subscribers receive as `data`.
 */
export const recordEvent = async (tx: Tx, tenant: { agencyId: string; shopId: string }, type: WebhookEventType, data: unknown): Promise<string> => {
  const id = newId('event');
  await tx.insert(schema.events).values({ id, agencyId: tenant.agencyId, shopId: tenant.shopId, type, data });
  return id;
};
