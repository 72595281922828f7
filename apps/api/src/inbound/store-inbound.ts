import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { schema, type Tx } from '@sumeru/db';
import { newId } from '@sumeru/domain';

export type InboundEvent = {
  provider: (typeof schema.INBOUND_PROVIDERS)[number];
  source?: string;
  topic: string;
  providerEventId: string;
};

/** The exact bytes received; an empty request has an empty body. */
export const rawBodyOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

export const sha256Hex = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

/**
 * Stores a verified webhook as received. A redelivery (same provider event id) changes
 * nothing: the unique index and ON CONFLICT DO NOTHING make it one row, one job.
 */
export const storeInbound = async (tx: Tx, shop: { id: string; agencyId: string }, event: InboundEvent, body: Buffer): Promise<{ id: string | null; duplicate: boolean }> => {
  const iw = schema.inboundWebhooks;
  const [row] = await tx
    .insert(iw)
    .values({
      id: newId('inboundWebhook'), agencyId: shop.agencyId, shopId: shop.id, provider: event.provider, source: event.source ?? null,
      // PostgreSQL text cannot hold NUL; such a body is not JSON anyway and will be marked failed.
      topic: event.topic, providerEventId: event.providerEventId, rawBody: body.toString('utf8').replaceAll('\u0000', '\uFFFD'),
    })
    .onConflictDoNothing({ target: [iw.shopId, iw.provider, iw.providerEventId] })
    .returning({ id: iw.id });
  return { id: row?.id ?? null, duplicate: !row };
};
