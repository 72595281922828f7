import { foreignKey, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './columns';
import { customers } from './customers';
import { shops } from './shops';

export const TOUCHPOINT_CHANNELS = ['direct', 'organic_search', 'paid_search', 'social', 'paid_social', 'email', 'sms', 'whatsapp', 'referral', 'affiliate', 'display', 'other'] as const;

/**
 * A marketing touch on the way to an order: a visit with its UTM parameters, referrer and
 * click ids. The pixel writes them; attribution reads them per customer.
 */
export const touchpoints = pgTable(
  'touchpoints',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    customerId: text('customer_id'),
    anonymousId: text('anonymous_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    channel: text('channel', { enum: TOUCHPOINT_CHANNELS }).notNull(),
    source: text('source'),
    medium: text('medium'),
    campaign: text('campaign'),
    clickId: text('click_id'),
    landingUrl: text('landing_url'),
    referrer: text('referrer'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('touchpoints_shop_customer_idx').on(t.shopId, t.customerId, t.occurredAt),
    index('touchpoints_shop_occurred_idx').on(t.shopId, t.occurredAt),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
    ...tenantPolicies('touchpoints'),
  ],
);
