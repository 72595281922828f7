import { foreignKey, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './columns';
import { customers } from './customers';
import { shops } from './shops';

export const IDENTITY_SOURCES = ['identify', 'order'] as const;

/**
 * Identity stitching: which customer a browser's first-party anonymous id belongs to. One row
 * per anonymous id; a later identify re-points it (the latest sign-in wins). An identify by an
 * email no customer has yet keeps the email, with no customer.
 */
export const identities = pgTable(
  'identities',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    anonymousId: text('anonymous_id').notNull(),
    customerId: text('customer_id'),
    email: text('email'),
    source: text('source', { enum: IDENTITY_SOURCES }).notNull(),
    identifiedAt: timestamp('identified_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('identities_shop_anonymous_key').on(t.shopId, t.anonymousId),
    index('identities_shop_customer_idx').on(t.shopId, t.customerId),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }).onDelete('cascade'),
    ...tenantPolicies('identities'),
  ],
);
