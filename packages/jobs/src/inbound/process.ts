import { and, eq, sql } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import type { JobDeps } from '../settings';
import { handleShopify } from './handle-shopify';
import { mapMarketplaceFeed } from './marketplace-mapping';
import { isPayloadFailure, parseJson, PayloadError } from './payload-error';
import { parseWhatsappStatuses } from './whatsapp-mapping';
import type { Tenant } from './write-customer';
import { upsertOrder } from './write-order';

type InboundRow = typeof schema.inboundWebhooks.$inferSelect;
const iw = schema.inboundWebhooks;

const recordStatuses = async (tx: Tx, tenant: Tenant, payload: unknown) => {
  const parsed = parseWhatsappStatuses(payload);
  const ms = schema.messageStatuses;
  const inserted = parsed.statuses.length === 0 ? [] : await tx
    .insert(ms)
    .values(parsed.statuses.map((s) => ({ id: newId('messageStatus'), ...tenant, channel: 'whatsapp', messageId: s.messageId, status: s.status, recipient: s.recipient, occurredAt: s.occurredAt, errors: s.errors })))
    .onConflictDoNothing()
    .returning({ id: ms.id });
  return { statuses_recorded: inserted.length, statuses_already_known: parsed.statuses.length - inserted.length, statuses_ignored: parsed.ignoredStatuses, messages_ignored: parsed.messages };
};

const importMarketplace = async (tx: Tx, tenant: Tenant, source: string | null, payload: unknown) => {
  if (!source) throw new PayloadError('the marketplace source is missing');
  const orders = mapMarketplaceFeed(source, payload);
  const written = [];
  for (const order of orders) written.push(await upsertOrder(tx, tenant, order));
  return { orders: written.map((o) => ({ order_id: o.id, created: o.created })) };
};

/** Applies one stored webhook in the caller's transaction; a PayloadError means it never can be. */
const applyInbound = async (tx: Tx, row: InboundRow): Promise<Record<string, unknown>> => {
  const tenant = { agencyId: row.agencyId, shopId: row.shopId };
  const payload = parseJson(row.rawBody);
  switch (row.provider) {
    case 'shopify':
      return handleShopify(tx, tenant, row.topic, payload);
    case 'whatsapp':
      return recordStatuses(tx, tenant, payload);
    case 'marketplace':
      return importMarketplace(tx, tenant, row.source, payload);
  }
};

/**
 * Processes one stored inbound webhook (Shopify, WhatsApp, marketplace) under RLS. The changes
 * and the `processed` mark commit together; a payload that can never be processed is marked
 * `failed` with its reason (and not retried); any other error is thrown so the queue retries.
 */
export const processInbound = async (deps: JobDeps, input: { shopId: string; inboundId: string }): Promise<void> => {
  const where = and(eq(iw.shopId, input.shopId), eq(iw.id, input.inboundId), eq(iw.status, 'received'));
  let provider: string | undefined;
  try {
    await withShop(deps.db, input.shopId, async (tx) => {
      // The row lock makes a second worker holding the same job wait, then find it processed.
      const [row] = await tx.select().from(iw).where(where).for('update');
      if (!row) return;
      provider = row.provider;
      const result = await applyInbound(tx, row);
      await tx.update(iw).set({ status: 'processed', result, error: null, processedAt: sql`now()` }).where(eq(iw.id, row.id));
      deps.logger.info({ shop_id: input.shopId, inbound_id: input.inboundId, provider: row.provider, topic: row.topic }, 'inbound webhook processed');
    });
  } catch (err) {
    if (!isPayloadFailure(err)) throw err;
    const reason = err instanceof PayloadError ? err.message : `a value could not be stored (${(err as { cause?: { message?: string } }).cause?.message ?? 'data error'})`;
    await withShop(deps.db, input.shopId, (tx) => tx.update(iw).set({ status: 'failed', error: reason.slice(0, 1000), processedAt: sql`now()` }).where(where));
    // The reason may quote payload values: it stays on the row, the log gets its kind only.
    deps.logger.warn({ shop_id: input.shopId, inbound_id: input.inboundId, provider, kind: err instanceof PayloadError ? 'malformed payload' : 'unstorable value' }, 'inbound webhook failed');
  }
};
