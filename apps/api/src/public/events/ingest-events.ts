import { z } from 'zod';
import { schema } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { zodToValidationError } from '../../listing/attributes';
import { definePublicEndpoint } from '../public-endpoint';
import { CLICK_ID_FIELDS, MAX_BATCH_BYTES, MAX_EVENTS_PER_BATCH, UTM_FIELDS, ZIngestBatch, ZPixelEvent, eventNameOf, type IngestResult, type PixelEvent } from './event-schema';
import { partitionKeeperFor } from './partitions';
import { recordTouchpoints } from './record-touchpoints';
import { claimsOf, stitchIdentities } from './stitch-identities';
import { ZIngestResult } from '../public-schemas';

const pick = (event: PixelEvent, fields: readonly string[]): Record<string, string> | null => {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = (event as Record<string, unknown>)[f];
    if (typeof v === 'string' && v !== '') out[f] = v;
  }
  return Object.keys(out).length > 0 ? out : null;
};

/** Splits a batch into valid events and per-index errors; one bad event never sinks the rest. */
const validate = (items: unknown[]) => {
  const valid: PixelEvent[] = [];
  const rejected: IngestResult['rejected_items'] = [];
  items.forEach((item, index) => {
    const parsed = ZPixelEvent.safeParse(item);
    if (parsed.success) valid.push(parsed.data as PixelEvent);
    else rejected.push({ index, errors: (zodToValidationError(parsed.error).details.errors as { field: string; message: string }[]) });
  });
  return { valid, rejected };
};

export const ingestEvents = definePublicEndpoint<Record<string, never>, Record<string, never>, z.infer<typeof ZIngestBatch>>({
    operationId: 'ingestPixelEvents',
    method: 'post',
    path: '/events',
    summary: 'Ingest a batch of pixel events',
    description: `Up to ${MAX_EVENTS_PER_BATCH} events and ${MAX_BATCH_BYTES / 1024} KB per batch, as application/json or as the text/plain JSON that navigator.sendBeacon sends. Each event is validated on its own: invalid ones come back in rejected_items with their index, the rest are stored. event_id de-duplicates retries. identify (email or customer_id) links the anonymous id to a customer; page views whose URL carries UTM parameters or a click id become attribution touchpoints.`,
    stability: 'beta',
    scope: null,
    rateClass: 'ingest',
    responseSchema: ZIngestResult,
    bodyLimitBytes: MAX_BATCH_BYTES,
    acceptsTextPlain: true,
    successStatus: 202,
    query: z.strictObject({}),
    body: ZIngestBatch,
    handler: async ({ tx, caller, body, req, deps }) => {
      const { events } = body;
      if (events.length > MAX_EVENTS_PER_BATCH) {
        throw new AppError('payload_too_large', `A batch holds at most ${MAX_EVENTS_PER_BATCH} events.`, { details: { max_events: MAX_EVENTS_PER_BATCH, events: events.length } });
      }
      const { valid, rejected } = validate(events);
      if (valid.length > 0) {
        await partitionKeeperFor(deps.db).ensure();
        const userAgent = req.get('user-agent')?.slice(0, 512) ?? null;
        const stored = await tx
          .insert(schema.pixelEvents)
          .values(valid.map((e) => ({
            agencyId: caller.agencyId,
            shopId: caller.shopId,
            eventId: e.event_id,
            occurredAt: new Date(e.occurred_at),
            name: eventNameOf(e),
            anonymousId: e.anonymous_id,
            url: e.url || null,
            referrer: e.referrer || null,
            utm: pick(e, UTM_FIELDS),
            clickIds: pick(e, CLICK_ID_FIELDS),
            properties: e.type === 'identify' ? { ...e.properties, ...(e.email ? { email: e.email } : {}), ...(e.customer_id ? { customer_id: e.customer_id } : {}) } : (e.properties ?? null),
            userAgent,
          })))
          .onConflictDoNothing()
          .returning({ eventId: schema.pixelEvents.eventId, occurredAt: schema.pixelEvents.occurredAt });
        // Only events stored now have effects: a retried batch changes nothing twice.
        const fresh = new Set(stored.map((r) => `${r.eventId}|${r.occurredAt.toISOString()}`));
        const freshEvents = valid.filter((e) => fresh.delete(`${e.event_id}|${new Date(e.occurred_at).toISOString()}`));
        const stitched = await stitchIdentities(tx, caller, claimsOf(freshEvents));
        await recordTouchpoints(tx, caller, freshEvents, stitched);
      }
      const data: IngestResult = { accepted_count: valid.length, rejected_count: rejected.length, rejected_items: rejected };
      return { status: 202, body: { data } };
    },
});
