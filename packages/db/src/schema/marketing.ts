import { foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { CAMPAIGN_CHANNELS, CAMPAIGN_STATUSES, type SegmentDefinition } from '@sumeru/domain';
import { tenantColumns, tenantPolicies, timestamps } from './columns';
import { shops } from './shops';

/** Saved audiences: a definition evaluated against the shop's customers when used. */
export const segments = pgTable(
  'segments',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    name: text('name').notNull(),
    description: text('description'),
    definition: jsonb('definition').$type<SegmentDefinition>().notNull(),
    ...timestamps,
  },
  (t) => [
    unique('segments_shop_id_key').on(t.shopId, t.id),
    index('segments_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('segments'),
  ],
);

export const campaigns = pgTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    name: text('name').notNull(),
    channel: text('channel', { enum: CAMPAIGN_CHANNELS }).notNull(),
    audienceId: text('audience_id').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true, mode: 'date' }),
    launchedAt: timestamp('launched_at', { withTimezone: true, mode: 'date' }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    /** How many customers the audience held at launch: the send list is fixed then. */
    recipientsCount: integer('recipients_count'),
    ...timestamps,
  },
  (t) => [
    index('campaigns_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    index('campaigns_shop_status_idx').on(t.shopId, t.status, t.id),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.audienceId], foreignColumns: [segments.shopId, segments.id] }),
    ...tenantPolicies('campaigns'),
  ],
);
