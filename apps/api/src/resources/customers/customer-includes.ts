import { and, desc, eq, inArray } from 'drizzle-orm';
import { DEFAULT_HALF_LIFE_DAYS, DEFAULT_LOOKBACK_DAYS } from '@sumeru/domain';
import { schema, type Tx } from '@sumeru/db';
import type { ResourceObject } from '../../listing/serialize';
import { creditOrders } from '../attribution/credit-orders';
import { presentAttribution } from '../attribution/present-attribution';
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
  const wantsAttributions = options.include.includes('attributions') && rows.length > 0;
  const orders = wantsOrders || wantsAttributions
    ? await tx.select().from(schema.orders).where(and(eq(schema.orders.shopId, rows[0]!.shopId), inArray(schema.orders.customerId, rows.map((r) => r.id)))).orderBy(desc(schema.orders.placedAt), desc(schema.orders.id))
    : [];
  const included: ResourceObject[] = [];
  // Attributions: the customer's paid and fulfilled orders credited last-touch, as on /attribution.
  const credited = wantsAttributions
    ? await creditOrders(tx, rows[0]!.shopId, orders.filter((o) => o.status === 'paid' || o.status === 'fulfilled'), { model: 'last_touch', lookbackDays: DEFAULT_LOOKBACK_DAYS, halfLifeDays: DEFAULT_HALF_LIFE_DAYS })
    : [];
  const data = rows.map((row) => {
    const relationship: Record<string, unknown> = { links: { related: `/api/v1/customers/${row.id}/orders` } };
    if (wantsOrders) {
      const mine = orders.filter((o) => o.customerId === row.id);
      const embedded = mine.slice(0, INCLUDED_ORDERS_PER_CUSTOMER);
      relationship.data = embedded.map((o) => ({ type: 'order', id: o.id }));
      relationship.meta = { count: mine.length, truncated: mine.length > embedded.length };
      included.push(...embedded.map((o) => serializeOrder(o)));
    }
    const relationships: Record<string, unknown> = { orders: relationship };
    if (wantsAttributions) {
      const mine = credited.filter((c) => c.order.customerId === row.id);
      relationships.attributions = { data: mine.map((c) => ({ type: 'order_attribution', id: c.order.id })), links: { related: '/api/v1/attribution' } };
      included.push(...(mine.map((c) => presentAttribution(c, 'last_touch')) as ResourceObject[]));
    }
    return serializeCustomer(row, { fields: options.fields, relationships });
  });
  return { data, included };
};
