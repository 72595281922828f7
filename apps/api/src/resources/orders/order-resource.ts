import { schema } from '@sumeru/db';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const o = schema.orders;
const li = schema.orderLineItems;

export const orderSpec: ResourceSpec = {
  type: 'order',
  table: o,
  id: o.id,
  shop: o.shopId,
  defaultSort: '-placed_at',
  attributes: {
    number: { column: o.number, kind: 'string', filter: true, sort: true },
    external_id: { column: o.externalId, kind: 'string', filter: true },
    customer_id: { column: o.customerId, kind: 'string', filter: true },
    status: { column: o.status, kind: 'string', filter: true, sort: true },
    currency: { column: o.currency, kind: 'string', filter: true },
    subtotal: { column: o.subtotal, kind: 'money' },
    discount_total: { column: o.discountTotal, kind: 'money' },
    shipping_total: { column: o.shippingTotal, kind: 'money' },
    tax_total: { column: o.taxTotal, kind: 'money' },
    total: { column: o.total, kind: 'money', filter: 'range', sort: true },
    placed_at: { column: o.placedAt, kind: 'datetime', filter: 'range', sort: true },
    created_at: { column: o.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: o.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
  filterAliases: { date_from: { attribute: 'placed_at', op: 'gte' }, date_to: { attribute: 'placed_at', op: 'lte' } },
};

export const lineItemSpec: ResourceSpec = {
  type: 'line_item',
  table: li,
  id: li.id,
  shop: li.shopId,
  defaultSort: 'created_at',
  attributes: {
    order_id: { column: li.orderId, kind: 'string' },
    product_id: { column: li.productId, kind: 'string' },
    sku: { column: li.sku, kind: 'string' },
    title: { column: li.title, kind: 'string' },
    quantity: { column: li.quantity, kind: 'integer' },
    unit_price: { column: li.unitPrice, kind: 'money' },
    total: { column: li.total, kind: 'money' },
    created_at: { column: li.createdAt, kind: 'datetime' },
  },
};

export const ORDER_INCLUDES = ['customer', 'line_items'] as const;

export const serializeOrder = createSerializer(orderSpec);
export const serializeLineItem = createSerializer(lineItemSpec);
