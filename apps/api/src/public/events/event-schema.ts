import { z } from 'zod';

export const STANDARD_EVENT_TYPES = ['page_view', 'product_viewed', 'added_to_cart', 'removed_from_cart', 'checkout_started', 'identify'] as const;
export const UTM_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
export const CLICK_ID_FIELDS = ['gclid', 'fbclid', 'ttclid', 'msclkid'] as const;

export const MAX_EVENTS_PER_BATCH = 100;
export const MAX_BATCH_BYTES = 64 * 1024;
/** How far back an event may have happened: queued offline, sent later. */
export const MAX_EVENT_AGE_MS = 7 * 24 * 3_600_000;
/** How far ahead of the server clock a browser clock may run. */
export const MAX_CLOCK_SKEW_MS = 3_600_000;

export const MAX_PROPERTIES_DEPTH = 8;

/** True when `value` nests no deeper than `max` objects/arrays (PostgreSQL's jsonb parser recurses). */
const isShallow = (value: unknown, max: number): boolean => {
  if (value === null || typeof value !== 'object') return true;
  if (max === 0) return false;
  return Object.values(value).every((v) => isShallow(v, max - 1));
};

/** True when no string anywhere in `value` holds a NUL, which PostgreSQL text and jsonb cannot store. */
const hasNoNul = (value: unknown): boolean => {
  if (typeof value === 'string') return !value.includes('\u0000');
  if (value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(([k, v]) => !k.includes('\u0000') && hasNoNul(v));
};
const NO_NUL = 'must not contain a NUL character';

const ZOpaqueId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'must be 1–64 letters, digits, _ . : or -');
const ZEventName = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:\- ]+$/, 'must be 1–64 letters, digits, spaces, _ . : or -');
const ZParam = z.string().max(256).refine(hasNoNul, NO_NUL);
// Long tracking query strings are real; the 64 KB batch cap bounds the total anyway.
const ZLink = z.string().max(8192).refine(hasNoNul, NO_NUL);

/**
 * One pixel event as packages/pixel sends it (snake_case, flat UTM and click-id fields).
 * `type` is a standard type, `custom` with a `name`, or any other event name (a custom event
 * named by its type). Unknown fields are refused so typos surface instead of vanishing.
 */
export const ZPixelEvent = z
  .strictObject({
    event_id: ZOpaqueId,
    type: ZEventName,
    name: ZEventName.optional(),
    anonymous_id: ZOpaqueId,
    occurred_at: z.iso.datetime({ offset: true }),
    url: ZLink.optional(),
    referrer: ZLink.optional(),
    properties: z
      .record(z.string().max(128), z.unknown())
      .refine((p) => isShallow(p, MAX_PROPERTIES_DEPTH), { message: `must nest at most ${MAX_PROPERTIES_DEPTH} levels deep`, abort: true })
      .refine(hasNoNul, NO_NUL)
      .optional(),
    customer_id: z.string().min(1).max(128).refine(hasNoNul, NO_NUL).optional(),
    email: z.email().max(254).optional(),
    ...Object.fromEntries([...UTM_FIELDS, ...CLICK_ID_FIELDS].map((f) => [f, ZParam.optional()])),
  })
  .superRefine((event, ctx) => {
    if (event.type === 'custom' && !event.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'a custom event needs a name' });
    if (event.type === 'identify' && !event.email && !event.customer_id) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'identify needs an email or a customer_id' });
    }
    const at = Date.parse(event.occurred_at);
    const now = Date.now();
    if (at < now - MAX_EVENT_AGE_MS || at > now + MAX_CLOCK_SKEW_MS) {
      ctx.addIssue({ code: 'custom', path: ['occurred_at'], message: 'must be within the last 7 days and at most an hour ahead' });
    }
  });

export type PixelEvent = z.infer<typeof ZPixelEvent> & Partial<Record<(typeof UTM_FIELDS)[number] | (typeof CLICK_ID_FIELDS)[number], string>>;

/** The stored name: the standard type, or the custom event's own name. */
export const eventNameOf = (event: PixelEvent): string => (event.type === 'custom' ? event.name! : event.type);

export const ZIngestBatch = z.strictObject({
  events: z.array(z.unknown()).min(1, 'send at least one event'),
});

export type IngestResult = {
  accepted_count: number;
  rejected_count: number;
  rejected_items: { index: number; errors: { field: string; message: string }[] }[];
};
