import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './columns';
import { shops } from './shops';
import { events, webhookEndpoints } from './webhooks';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One event owed to one endpoint. While `pending`, a job keyed `delivery:<id>` is queued for
 * `next_attempt_at` (a trigger enqueues it whenever the row becomes due, in the same
 * transaction). `leased_until` is the claim of the worker sending it: no two workers send the
 * same delivery at once, and a worker killed mid-send loses its claim when the lease runs out.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    endpointId: text('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    /** Replays are sent on request and never count towards disabling the endpoint. */
    replayOf: text('replay_of'),
    attemptCount: integer('attempt_count').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    leasedUntil: at('leased_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
    completedAt: at('completed_at'),
  },
  (t) => [
    index('webhook_deliveries_shop_endpoint_created_idx').on(t.shopId, t.endpointId, t.createdAt, t.id),
    // An event is owed once to each endpoint; replays are extra deliveries on purpose.
    uniqueIndex('webhook_deliveries_shop_endpoint_event_key').on(t.shopId, t.endpointId, t.eventId).where(sql`replay_of is null`),
    index('webhook_deliveries_shop_due_idx').on(t.shopId, t.nextAttemptAt).where(sql`status = 'pending'`),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('webhook_deliveries'),
  ],
);

/** Every HTTP attempt of a delivery, as the receiver answered it. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    deliveryId: text('delivery_id').notNull().references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    startedAt: at('started_at').notNull(),
    latencyMs: integer('latency_ms').notNull(),
    statusCode: integer('status_code'),
    succeeded: boolean('succeeded').notNull(),
    /** The first KiB of the response body, as text. */
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
  },
  (t) => [
    index('webhook_attempts_shop_delivery_idx').on(t.shopId, t.deliveryId, t.attempt),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('webhook_attempts'),
  ],
);

export const INBOUND_PROVIDERS = ['shopify', 'whatsapp', 'marketplace'] as const;
export const INBOUND_STATUSES = ['received', 'processed', 'failed'] as const;

/**
 * A provider's webhook exactly as it arrived (verified, not yet parsed), kept durably so the
 * HTTP answer can be fast and processing can happen in the worker. The provider's event id
 * de-duplicates redeliveries.
 */
export const inboundWebhooks = pgTable(
  'inbound_webhooks',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    provider: text('provider', { enum: INBOUND_PROVIDERS }).notNull(),
    /** Marketplace feeds name their source (`/webhooks/marketplace/:shop/:source`). */
    source: text('source'),
    topic: text('topic').notNull(),
    providerEventId: text('provider_event_id').notNull(),
    rawBody: text('raw_body').notNull(),
    status: text('status', { enum: INBOUND_STATUSES }).notNull().default('received'),
    error: text('error'),
    /** What processing did, e.g. `{ "orders": ["ord_…"] }`. */
    result: jsonb('result'),
    receivedAt: at('received_at').notNull().defaultNow(),
    processedAt: at('processed_at'),
  },
  (t) => [
    uniqueIndex('inbound_webhooks_shop_provider_event_key').on(t.shopId, t.provider, t.providerEventId),
    index('inbound_webhooks_shop_received_idx').on(t.shopId, t.receivedAt, t.id),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('inbound_webhooks'),
  ],
);

export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;

/** WhatsApp message status updates (Meta Cloud API `statuses`), one row per update. */
export const messageStatuses = pgTable(
  'message_statuses',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    channel: text('channel').notNull().default('whatsapp'),
    messageId: text('message_id').notNull(),
    recipient: text('recipient'),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull(),
    occurredAt: at('occurred_at').notNull(),
    errors: jsonb('errors'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('message_statuses_shop_message_status_key').on(t.shopId, t.messageId, t.status),
    index('message_statuses_shop_occurred_idx').on(t.shopId, t.occurredAt),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('message_statuses'),
  ],
);

/** Things an operator must hear about (an endpoint disabled, …), shown in the console. */
export const notices = pgTable(
  'notices',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    subjectId: text('subject_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    readAt: at('read_at'),
  },
  (t) => [
    index('notices_shop_created_idx').on(t.shopId, t.createdAt),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('notices'),
  ],
);
