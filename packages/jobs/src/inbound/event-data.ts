import type { schema } from '@sumeru/db';
import { moneyToJson } from '@sumeru/domain';

// The outbox payloads match the admin API's resource objects (apps/api resources), so a
// subscriber sees the same shape whether a change came from the API or from a webhook.
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const orderData = (o: typeof schema.orders.$inferSelect) => ({
  id: o.id,
  type: 'order',
  attributes: {
    number: o.number, external_id: o.externalId, customer_id: o.customerId, status: o.status, currency: o.currency,
    subtotal: moneyToJson(o.subtotal), discount_total: moneyToJson(o.discountTotal), shipping_total: moneyToJson(o.shippingTotal),
    tax_total: moneyToJson(o.taxTotal), total: moneyToJson(o.total),
    placed_at: iso(o.placedAt), created_at: iso(o.createdAt), updated_at: iso(o.updatedAt),
  },
});

export const customerData = (c: typeof schema.customers.$inferSelect) => ({
  id: c.id,
  type: 'customer',
  attributes: {
    email: c.email, external_id: c.externalId, first_name: c.firstName, last_name: c.lastName, phone: c.phone,
    lifecycle_stage: c.lifecycleStage, tags: c.tags, accepts_marketing: c.acceptsMarketing, currency: c.currency,
    total_spent: moneyToJson(c.totalSpent), orders_count: c.ordersCount, last_order_at: iso(c.lastOrderAt),
    created_at: iso(c.createdAt), updated_at: iso(c.updatedAt),
  },
});

export const productData = (p: typeof schema.products.$inferSelect) => ({
  id: p.id,
  type: 'product',
  attributes: {
    external_id: p.externalId, title: p.title, handle: p.handle, description: p.description, vendor: p.vendor,
    product_type: p.productType, status: p.status, sku: p.sku, price: moneyToJson(p.price), currency: p.currency,
    tags: p.tags, created_at: iso(p.createdAt), updated_at: iso(p.updatedAt),
  },
});
