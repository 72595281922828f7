import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { attributeOrder, moneyToMinor, minorToMoney, splitRevenue, type AttributionModel } from '@sumeru/domain';

type OrderRow = typeof schema.orders.$inferSelect;
export type TouchpointRow = typeof schema.touchpoints.$inferSelect;
export type CreditedOrder = { order: OrderRow; credits: { touchpoint: TouchpointRow; credit: number; revenueMinor: number }[] };
export type Settings = { model: AttributionModel; lookbackDays: number; halfLifeDays: number };

const DAY_MS = 86_400_000;

/** Loads the touchpoints of these orders' customers in one query and credits every order. */
export const creditOrders = async (tx: Tx, shopId: string, orders: OrderRow[], settings: Settings): Promise<CreditedOrder[]> => {
  const customerIds = [...new Set(orders.map((o) => o.customerId).filter((id): id is string => id !== null))];
  if (orders.length === 0) return [];
  // A loop, not Math.min(...times): spreading 100,000+ arguments overflows the stack.
  let earliest = Infinity;
  let latest = -Infinity;
  for (const o of orders) {
    earliest = Math.min(earliest, o.placedAt.getTime());
    latest = Math.max(latest, o.placedAt.getTime());
  }
  const touches = customerIds.length === 0 ? [] : await tx
    .select()
    .from(schema.touchpoints)
    .where(and(
      eq(schema.touchpoints.shopId, shopId),
      // Past a thousand customers the time window alone is the better filter (and no huge IN list).
      customerIds.length <= 1000 ? inArray(schema.touchpoints.customerId, customerIds) : undefined,
      gte(schema.touchpoints.occurredAt, new Date(earliest - settings.lookbackDays * DAY_MS)),
      lte(schema.touchpoints.occurredAt, new Date(latest)),
    ));
  const byCustomer = new Map<string, TouchpointRow[]>();
  for (const t of touches) {
    if (!t.customerId) continue;
    const list = byCustomer.get(t.customerId);
    if (list) list.push(t);
    else byCustomer.set(t.customerId, [t]);
  }
  return orders.map((order) => {
    const mine = order.customerId ? (byCustomer.get(order.customerId) ?? []) : [];
    const credits = attributeOrder(settings.model, mine, order.placedAt, settings);
    const byId = new Map(mine.map((t) => [t.id, t]));
    const shares = splitRevenue(moneyToMinor(order.total), credits);
    return { order, credits: credits.map((c, i) => ({ touchpoint: byId.get(c.touchpointId)!, credit: c.credit, revenueMinor: shares[i]! })) };
  });
};

/** Credit and revenue per channel (and currency: amounts in different currencies never add). */
export const summarizeByChannel = (credited: CreditedOrder[]) => {
  const channels = new Map<string, { channel: string; currency: string; credit: number; revenueMinor: number }>();
  const unattributed = new Map<string, number>();
  for (const { order, credits } of credited) {
    if (credits.length === 0) unattributed.set(order.currency, (unattributed.get(order.currency) ?? 0) + moneyToMinor(order.total));
    for (const c of credits) {
      const key = `${c.touchpoint.channel}|${order.currency}`;
      const entry = channels.get(key) ?? { channel: c.touchpoint.channel, currency: order.currency, credit: 0, revenueMinor: 0 };
      entry.credit += c.credit;
      entry.revenueMinor += c.revenueMinor;
      channels.set(key, entry);
    }
  }
  return {
    channels: [...channels.values()].sort((a, b) => b.revenueMinor - a.revenueMinor).map((v) => ({
      channel: v.channel, currency: v.currency, attributed_orders: Number(v.credit.toFixed(6)), revenue: Number(minorToMoney(v.revenueMinor)),
    })),
    unattributed: [...unattributed].map(([currency, minor]) => ({ currency, revenue: Number(minorToMoney(minor)) })),
  };
};
