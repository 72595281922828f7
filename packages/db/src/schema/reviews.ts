import { check, foreignKey, index, integer, boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenantColumns, tenantPolicies, timestamps } from './columns';
import { orders } from './orders';
import { products } from './products';
import { shops } from './shops';

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;

/**
 * A shopper's product review. Submitted from storefronts (pending), published once an
 * operator approves it through the admin API. Text is stored exactly as submitted; rendering
 * it escaped is the reader's job.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    productId: text('product_id').notNull(),
    rating: integer('rating').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email').notNull(),
    /** The order the reviewer named, kept only when it proves the purchase. */
    orderId: text('order_id'),
    verifiedBuyer: boolean('verified_buyer').notNull().default(false),
    status: text('status', { enum: REVIEW_STATUSES }).notNull().default('pending'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('reviews_shop_product_status_idx').on(t.shopId, t.productId, t.status, t.createdAt, t.id),
    index('reviews_shop_status_idx').on(t.shopId, t.status, t.createdAt, t.id),
    index('reviews_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    check('reviews_rating_range', sql`${t.rating} between 1 and 5`),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.productId], foreignColumns: [products.shopId, products.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }),
    ...tenantPolicies('reviews'),
  ],
);
