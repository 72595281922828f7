import { and, desc, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import type { ResourceObject } from '../../listing/serialize';
import { serializeOrder } from '../orders/order-resource';
import { serializeCustomer } from './customer-resource';

type CustomerRow = typeof schema.customers.$inferSelect;

/** At most this many orders per customer are embedded by `include=orders`; the link pages the rest. */
export const INCLUDED_ORDERS_PER_CUSTOMER = 100;

export const presentCustomers = async (
  tx: Tx,
  rows: CustomerRow[],
  options: { fields: string[] | null; include: string[] },
): Promise<{ data: ResourceObject[]; included: ResourceObject[] }> => {
  const wantsOrders = options.include.includes('orders') && rows.length > 0;
  const orders = wantsOrders
    ? await tx.select().from(schema.orders).where(and(eq(schema.orders.shopId, rows[0]!.shopId), inArray(schema.orders.customerId, rows.map((r) => r.id)))).orderBy(desc(schema.orders.placedAt), desc(schema.orders.id))
    : [];
  const included: ResourceObject[] = [];
  const data = rows.map((row) => {
    const relationship: Record<string, unknown> = { links: { related: `/api/v1/customers/${row.id}/orders` } };
    if (wantsOrders) {
      const mine = orders.filter((o) => o.customerId === row.id);
      const embedded = mine.slice(0, INCLUDED_ORDERS_PER_CUSTOMER);
      relationship.data = embedded.map((o) => ({ type: 'order', id: o.id }));
      relationship.meta = { count: mine.length, truncated: mine.length > embedded.length };
      included.push(...embedded.map((o) => serializeOrder(o)));
    }
    return serializeCustomer(row, { fields: options.fields, relationships: { orders: relationship } });
  });
  return { data, included };
};
