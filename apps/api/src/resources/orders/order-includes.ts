import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import type { ResourceObject } from '../../listing/serialize';
import { serializeCustomer } from '../customers/customer-resource';
import { serializeLineItem, serializeOrder } from './order-resource';

type OrderRow = typeof schema.orders.$inferSelect;

/**
 * Serialises orders with their relationships and, for `include=`, the related resources in
 * one query per relation (never one per order).
 */
export const presentOrders = async (
  tx: Tx,
  rows: OrderRow[],
  options: { fields: string[] | null; include: string[] },
): Promise<{ data: ResourceObject[]; included: ResourceObject[] }> => {
  const ids = rows.map((r) => r.id);
  const wantsItems = options.include.includes('line_items') && ids.length > 0;
  const items = wantsItems
    ? await tx.select().from(schema.orderLineItems).where(and(eq(schema.orderLineItems.shopId, rows[0]!.shopId), inArray(schema.orderLineItems.orderId, ids))).orderBy(asc(schema.orderLineItems.createdAt), asc(schema.orderLineItems.id))
    : [];
  const customerIds = [...new Set(rows.map((r) => r.customerId).filter((id): id is string => id !== null))];
  const customers = options.include.includes('customer') && customerIds.length > 0
    ? await tx.select().from(schema.customers).where(and(eq(schema.customers.shopId, rows[0]!.shopId), inArray(schema.customers.id, customerIds)))
    : [];

  const data = rows.map((row) => {
    const relationships: Record<string, unknown> = {
      customer: {
        data: row.customerId ? { type: 'customer', id: row.customerId } : null,
        links: row.customerId ? { related: `/api/v1/customers/${row.customerId}` } : undefined,
      },
    };
    if (wantsItems) {
      relationships.line_items = { data: items.filter((i) => i.orderId === row.id).map((i) => ({ type: 'line_item', id: i.id })) };
    }
    return serializeOrder(row, { fields: options.fields, relationships });
  });
  const included = [...customers.map((c) => serializeCustomer(c)), ...items.map((i) => serializeLineItem(i))];
  return { data, included };
};
