import { foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { ORDER_STATUSES } from '@sumeru/domain';
import { money, tenantColumns, tenantPolicies, timestamps } from './columns';
import { customers } from './customers';
import { products } from './products';
import { shops } from './shops';

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    customerId: text('customer_id'),
    externalId: text('external_id'),
    number: text('number').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('pending'),
    currency: text('currency').notNull().default('EUR'),
    subtotal: money('subtotal').notNull(),
    discountTotal: money('discount_total').notNull().default('0'),
    shippingTotal: money('shipping_total').notNull().default('0'),
    taxTotal: money('tax_total').notNull().default('0'),
    total: money('total').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [
    unique('orders_shop_id_key').on(t.shopId, t.id),
    uniqueIndex('orders_shop_external_key').on(t.shopId, t.externalId),
    index('orders_shop_placed_idx').on(t.shopId, t.placedAt, t.id),
    index('orders_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    index('orders_shop_customer_idx').on(t.shopId, t.customerId, t.placedAt),
    index('orders_shop_status_idx').on(t.shopId, t.status, t.id),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    // Composite key: an order can only point at a customer of its own shop.
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
    ...tenantPolicies('orders'),
  ],
);

export const orderLineItems = pgTable(
  'order_line_items',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    orderId: text('order_id').notNull(),
    productId: text('product_id'),
    sku: text('sku'),
    title: text('title').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: money('unit_price').notNull(),
    total: money('total').notNull(),
    ...timestamps,
  },
  (t) => [
    index('order_line_items_shop_order_idx').on(t.shopId, t.orderId),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.shopId, t.productId], foreignColumns: [products.shopId, products.id] }),
    ...tenantPolicies('order_line_items'),
  ],
);
