import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './columns';

/**
 * Storefront pixel events, append-only and built for volume. The table is range-partitioned
 * by month on `occurred_at`; drizzle-kit cannot express partitioning, so migration
 * `pixel_events_partitioned` recreates this table as `PARTITION BY RANGE (occurred_at)`
 * with the same columns, indexes and policies, and defines
 * `sumeru_ensure_pixel_event_partitions(from, months)`, which the migration calls for the
 * previous, current and next two months and the API calls at start-up and when an insert
 * finds no partition. This definition is what queries use.
 *
 * No foreign keys: the shop id comes from the authenticated key and RLS's WITH CHECK holds it
 * to the current shop; a per-row FK lookup would cost the ingest path for nothing. The key
 * includes the partition column (PostgreSQL requires it), so de-duplication is per
 * (shop, event_id, occurred_at): a retried batch resends both unchanged.
 */
export const pixelEvents = pgTable(
  'pixel_events',
  {
    ...tenantColumns,
    eventId: text('event_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** page_view, product_viewed, … or a custom name. */
    name: text('name').notNull(),
    anonymousId: text('anonymous_id').notNull(),
    url: text('url'),
    referrer: text('referrer'),
    /** utm_source, utm_medium, utm_campaign, utm_term, utm_content when present. */
    utm: jsonb('utm'),
    /** gclid, fbclid, ttclid, msclkid when present. */
    clickIds: jsonb('click_ids'),
    properties: jsonb('properties'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ name: 'pixel_events_pkey', columns: [t.shopId, t.eventId, t.occurredAt] }),
    index('pixel_events_shop_anonymous_idx').on(t.shopId, t.anonymousId, t.occurredAt),
    index('pixel_events_shop_occurred_idx').on(t.shopId, t.occurredAt),
    ...tenantPolicies('pixel_events'),
  ],
);
