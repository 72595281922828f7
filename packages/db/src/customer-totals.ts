import { sql } from 'drizzle-orm';
import type { Tx } from './tenant';

/**
 * Recomputes orders_count, total_spent and last_order_at of these customers from their orders
 * (every status but cancelled counts, as in the demo), in one statement.
 */
export const refreshCustomerTotals = async (tx: Tx, shopId: string, customerIds: string[]): Promise<void> => {
  if (customerIds.length === 0) return;
  await tx.execute(sql`
    update customers c set
      orders_count = coalesce(s.n, 0), total_spent = coalesce(s.spent, 0), last_order_at = s.last, updated_at = now()
    from jsonb_array_elements_text(${JSON.stringify(customerIds)}::jsonb) as ids(id)
    left join (
      select customer_id, count(*)::int as n, sum(total) as spent, max(placed_at) as last
      from orders where shop_id = ${shopId} and status <> 'cancelled' and customer_id is not null
      group by customer_id
    ) s on s.customer_id = ids.id
    where c.id = ids.id and c.shop_id = ${shopId}`);
};
