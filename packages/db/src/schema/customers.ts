import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { LIFECYCLE_STAGES } from '@sumeru/domain';
import { money, tenantColumns, tenantPolicies, timestamps } from './columns';
import { shops } from './shops';

export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    externalId: text('external_id'),
    email: text('email'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    lifecycleStage: text('lifecycle_stage', { enum: LIFECYCLE_STAGES }).notNull().default('new'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    acceptsMarketing: boolean('accepts_marketing').notNull().default(false),
    currency: text('currency').notNull().default('EUR'),
    totalSpent: money('total_spent').notNull().default('0'),
    ordersCount: integer('orders_count').notNull().default(0),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    unique('customers_shop_id_key').on(t.shopId, t.id),
    uniqueIndex('customers_shop_external_key').on(t.shopId, t.externalId),
    index('customers_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    index('customers_shop_last_order_idx').on(t.shopId, t.lastOrderAt, t.id),
    index('customers_shop_email_idx').on(t.shopId, sql`lower(${t.email})`),
    index('customers_shop_stage_idx').on(t.shopId, t.lifecycleStage, t.id),
    index('customers_tags_idx').using('gin', t.tags),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('customers'),
  ],
);
