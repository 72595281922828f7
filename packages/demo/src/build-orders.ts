import { minorToMoney, newId, type OrderStatus } from '@sumeru/domain';
import type { schema } from '@sumeru/db';
import type { CustomerPlan, CustomerRow } from './build-customers';
import type { SellableProduct, Tenant } from './build-products';
import { DAY_MS, flipCoin, pickDateBetween, pickSkewedIndexes, pickWeighted, type Random } from './random';

export type OrderRow = typeof schema.orders.$inferInsert;
export type LineItemRow = typeof schema.orderLineItems.$inferInsert;

/**
 * The statuses a customer's `orders_count`, `total_spent` and `last_order_at` count: every
 * order except a cancelled one (a refunded order was still placed and paid for once).
 */
export const COUNTED_ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'paid', 'fulfilled', 'refunded'];

const ZERO = minorToMoney(0);
const MINUTE_MS = 60_000;

// Recent orders are still moving through the pipeline; old ones are mostly fulfilled, with a
// few cancelled or refunded. The latest order is never cancelled, so last_order_at tells the
// customer's stage the way the plan meant it.
const pickStatus = (random: Random, placedAt: Date, now: Date, isLatest: boolean): OrderStatus => {
  const ageDays = (now.getTime() - placedAt.getTime()) / DAY_MS;
  if (ageDays < 2) return flipCoin(random, 0.4) ? 'pending' : 'paid';
  if (ageDays < 7) return flipCoin(random, 0.5) ? 'paid' : 'fulfilled';
  const roll = random();
  if (roll < 0.05) return isLatest ? 'fulfilled' : 'cancelled';
  if (roll < 0.09) return 'refunded';
  return roll < 0.12 ? 'paid' : 'fulfilled';
};

const buildLineItems = (random: Random, tenant: Tenant, orderId: string, placedAt: Date, products: readonly SellableProduct[]) => {
  const lines = Number(pickWeighted(random, { '1': 45, '2': 30, '3': 15, '4': 10 }));
  let totalMinor = 0;
  const items = pickSkewedIndexes(random, products.length, lines).map((index): LineItemRow => {
    const product = products[index]!;
    const quantity = Number(pickWeighted(random, { '1': 75, '2': 18, '3': 7 }));
    totalMinor += product.priceMinor * quantity;
    return {
      id: newId('lineItem'), ...tenant, orderId, productId: product.id, sku: product.sku, title: product.title, quantity,
      unitPrice: minorToMoney(product.priceMinor), total: minorToMoney(product.priceMinor * quantity), createdAt: placedAt, updatedAt: placedAt,
    };
  });
  return { items, totalMinor };
};

/**
 * Every planned order with its line items, numbered in the order they were placed, and the
 * customer rows with aggregates that agree with those orders. Sums stay in minor units.
 */
export const buildOrders = (random: Random, plans: readonly CustomerPlan[], products: readonly SellableProduct[], currency: string, now: Date) => {
  const orders: (OrderRow & { placedAt: Date })[] = [];
  const lineItems: LineItemRow[] = [];
  const customers: CustomerRow[] = [];
  for (const plan of plans) {
    const { row } = plan;
    const tenant = { agencyId: row.agencyId, shopId: row.shopId };
    const earliest = new Date(row.createdAt.getTime() + MINUTE_MS);
    const placedDates = Array.from({ length: plan.orderCount }, (_, i) => (i === 0 ? plan.lastOrderAt : pickDateBetween(random, earliest, plan.lastOrderAt)));
    let spentMinor = 0;
    let counted = 0;
    let lastOrderAt: Date | null = null;
    for (const placedAt of placedDates) {
      const id = newId('order');
      const status = pickStatus(random, placedAt, now, placedAt === plan.lastOrderAt);
      const { items, totalMinor } = buildLineItems(random, tenant, id, placedAt, products);
      const total = minorToMoney(totalMinor);
      orders.push({ id, ...tenant, customerId: row.id, number: '', status, currency, subtotal: total, discountTotal: ZERO, shippingTotal: ZERO, taxTotal: ZERO, total, placedAt, createdAt: placedAt, updatedAt: placedAt });
      lineItems.push(...items);
      if (!COUNTED_ORDER_STATUSES.includes(status)) continue;
      spentMinor += totalMinor;
      counted++;
      if (!lastOrderAt || placedAt > lastOrderAt) lastOrderAt = placedAt;
    }
    customers.push({ ...row, totalSpent: minorToMoney(spentMinor), ordersCount: counted, lastOrderAt, updatedAt: lastOrderAt ?? row.createdAt });
  }
  orders.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  orders.forEach((order, i) => {
    order.number = String(1001 + i);
    order.externalId = `shopify_${5_400_000_000 + i}`;
  });
  return { orders, lineItems, customers };
};
