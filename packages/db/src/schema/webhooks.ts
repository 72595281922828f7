import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { WEBHOOK_EVENT_TYPES } from '@sumeru/domain';
import { tenantColumns, tenantPolicies, timestamps } from './columns';
import { shops } from './shops';

/** Where a shop's events are delivered. Secrets are sealed (AES-GCM): signing needs them back. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    url: text('url').notNull(),
    description: text('description'),
    events: text('events').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    secretSealed: text('secret_sealed').notNull(),
    /** During rotation the previous secret keeps signing until it expires. */
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true, mode: 'date' }),
    failingSince: timestamp('failing_since', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('webhook_endpoints_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('webhook_endpoints'),
  ],
);

/**
 * The outbox: an event row is written in the same transaction as the change that caused it,
 * so a committed change always has its event and a rolled-back one never does. The worker
 * turns events into deliveries.
 */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    type: text('type', { enum: WEBHOOK_EVENT_TYPES }).notNull(),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('events_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    index('events_shop_undispatched_idx').on(t.shopId, t.createdAt).where(sql`dispatched_at is null`),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('events'),
  ],
);
