import { boolean, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { money } from './columns';
import { ingestionColumns, ingestionConstraints } from './ingestion-columns';

export const VOUCHER_TYPES = ['percentage', 'fixed_amount', 'free_shipping'] as const;

export const vouchers = pgTable(
  'vouchers',
  {
    ...ingestionColumns(),
    code: text('code').notNull(),
    description: text('description'),
    discountType: text('discount_type', { enum: VOUCHER_TYPES }).notNull(),
    amount: money('amount').notNull().default('0'),
    currency: text('currency'),
    minimumOrder: money('minimum_order'),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }),
    usageLimit: integer('usage_limit'),
    timesUsed: integer('times_used').notNull().default(0),
    customerExternalId: text('customer_external_id'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [...ingestionConstraints('vouchers', t), uniqueIndex('vouchers_shop_code_key').on(t.shopId, t.code)],
);
