import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Tx } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { zodToValidationError } from '../../listing/attributes';
import type { PublicCaller } from '../public-caller';
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

/**
 * One statement per batch whatever its size: the events travel as a single jsonb parameter
 * and are unpacked by jsonb_to_recordset, so the statement text never changes (postgres.js
 * prepares it once per connection) and building it costs nothing, where a 50-row VALUES list
 * meant 600 bound parameters to map and serialise. Tenant columns come from the caller, never
 * from the payload, and RLS checks every row as before. Returns the rows actually stored
 * (`occurred_at` as toISOString() would print it); duplicates of (shop, event_id,
 * occurred_at) are skipped.
 */
const insertEvents = async (tx: Tx, caller: PublicCaller, events: PixelEvent[], userAgent: string | null) => {
  const rows = events.map((e) => ({
    event_id: e.event_id,
    // Millisecond precision, as a JavaScript Date would store it.
    occurred_at: new Date(e.occurred_at).toISOString(),
    name: eventNameOf(e),
    anonymous_id: e.anonymous_id,
    url: e.url || null,
    referrer: e.referrer || null,
    utm: pick(e, UTM_FIELDS),
    click_ids: pick(e, CLICK_ID_FIELDS),
    properties: e.type === 'identify' ? { ...e.properties, ...(e.email ? { email: e.email } : {}), ...(e.customer_id ? { customer_id: e.customer_id } : {}) } : (e.properties ?? null),
  }));
  return tx.execute<{ event_id: string; occurred_at: string }>(sql`
    insert into pixel_events (agency_id, shop_id, event_id, occurred_at, name, anonymous_id, url, referrer, utm, click_ids, properties, user_agent)
    select ${caller.agencyId}, ${caller.shopId}, e.event_id, e.occurred_at, e.name, e.anonymous_id, e.url, e.referrer, e.utm, e.click_ids, e.properties, ${userAgent}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as e(event_id text, occurred_at timestamptz, name text, anonymous_id text, url text, referrer text, utm jsonb, click_ids jsonb, properties jsonb)
    on conflict do nothing
    returning event_id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at`);
};

/**
 * The body as sent, plus each event's validation. It runs while the body is parsed, before the
 * shop's transaction opens, so no pooled connection sits idle through it. An over-long batch is
 * not validated: the handler refuses it whole.
 */
const ZCheckedBatch = ZIngestBatch.transform(({ events }) => ({ events, checked: events.length > MAX_EVENTS_PER_BATCH ? null : validate(events) }));

export const ingestEvents = definePublicEndpoint<Record<string, never>, Record<string, never>, z.infer<typeof ZCheckedBatch>>({
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
    body: ZCheckedBatch,
    handler: async ({ tx, caller, body, req, deps }) => {
      const { events, checked } = body;
      if (events.length > MAX_EVENTS_PER_BATCH || !checked) {
        throw new AppError('payload_too_large', `A batch holds at most ${MAX_EVENTS_PER_BATCH} events.`, { details: { max_events: MAX_EVENTS_PER_BATCH, events: events.length } });
      }
      const { valid, rejected } = checked;
      if (valid.length > 0) {
        await partitionKeeperFor(deps.db).ready(tx);
        const stored = await insertEvents(tx, caller, valid, req.get('user-agent')?.slice(0, 512) ?? null);
        // Only events stored now have effects: a retried batch changes nothing twice.
        const fresh = new Set(stored.map((r) => `${r.event_id}|${r.occurred_at}`));
        const freshEvents = valid.filter((e) => fresh.delete(`${e.event_id}|${new Date(e.occurred_at).toISOString()}`));
        const stitched = await stitchIdentities(tx, caller, claimsOf(freshEvents));
        await recordTouchpoints(tx, caller, freshEvents, stitched);
      }
      const data: IngestResult = { accepted_count: valid.length, rejected_count: rejected.length, rejected_items: rejected };
      return { status: 202, body: { data } };
    },
});
