import { newId, type WebhookEventType } from '@sumeru/domain';
import { events } from './schema/webhooks';
import type { Tx } from './tenant';

/**
 * Appends an event to the outbox inside the caller's transaction: it commits with the change
 * that caused it or not at all, and its insert trigger queues the fan-out to subscribed
 * endpoints in the same transaction. The payload is what subscribers receive as `data`.
 */
export const recordEvent = async (tx: Tx, tenant: { agencyId: string; shopId: string }, type: WebhookEventType, data: unknown): Promise<string> => {
  const id = newId('event');
  await tx.insert(events).values({ id, agencyId: tenant.agencyId, shopId: tenant.shopId, type, data });
  return id;
};

/** Many events in one statement (bulk writes): same guarantees as `recordEvent`. */
export const recordEvents = async (tx: Tx, tenant: { agencyId: string; shopId: string }, list: readonly { type: WebhookEventType; data: unknown }[]): Promise<void> => {
  if (list.length === 0) return;
  await tx.insert(events).values(list.map((e) => ({ id: newId('event'), agencyId: tenant.agencyId, shopId: tenant.shopId, type: e.type, data: e.data })));
};
