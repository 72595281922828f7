import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { money } from './columns';
import { ingestionColumns, ingestionConstraints } from './ingestion-columns';

export const CART_STATUSES = ['open', 'abandoned', 'converted'] as const;

export type CartItem = { sku: string; title?: string; quantity: number; unit_price: number };

/** Carts as shops report them; abandoned ones feed recovery journeys. */
export const carts = pgTable(
  'carts',
  {
    ...ingestionColumns(),
    customerExternalId: text('customer_external_id'),
    email: text('email'),
    currency: text('currency').notNull(),
    total: money('total').notNull(),
    items: jsonb('items').$type<CartItem[]>().notNull(),
    status: text('status', { enum: CART_STATUSES }).notNull().default('open'),
    abandonedAt: timestamp('abandoned_at', { withTimezone: true, mode: 'date' }),
    recoveryUrl: text('recovery_url'),
  },
  (t) => ingestionConstraints('carts', t),
);
