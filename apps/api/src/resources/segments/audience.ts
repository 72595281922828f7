import { and, arrayOverlaps, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import type { SegmentDefinition } from '@sumeru/domain';

const c = schema.customers;

/** The customers a segment definition selects, as one WHERE clause on `customers`. */
export const audienceWhere = (shopId: string, d: SegmentDefinition): SQL => {
  const conditions: (SQL | undefined)[] = [
    eq(c.shopId, shopId),
    d.lifecycle_stage ? inArray(c.lifecycleStage, d.lifecycle_stage) : undefined,
    d.tags_any ? arrayOverlaps(c.tags, d.tags_any) : undefined,
    d.accepts_marketing !== undefined ? eq(c.acceptsMarketing, d.accepts_marketing) : undefined,
    d.total_spent_gte !== undefined ? gte(c.totalSpent, d.total_spent_gte.toFixed(2)) : undefined,
    d.total_spent_lte !== undefined ? lte(c.totalSpent, d.total_spent_lte.toFixed(2)) : undefined,
    d.orders_count_gte !== undefined ? gte(c.ordersCount, d.orders_count_gte) : undefined,
    d.orders_count_lte !== undefined ? lte(c.ordersCount, d.orders_count_lte) : undefined,
    d.last_order_after ? gte(c.lastOrderAt, new Date(d.last_order_after)) : undefined,
    d.last_order_before ? lte(c.lastOrderAt, new Date(d.last_order_before)) : undefined,
  ];
  return and(...conditions.filter((x): x is SQL => x !== undefined))!;
};

export const countAudience = async (tx: Tx, shopId: string, definition: SegmentDefinition, options: { marketableOnly?: boolean } = {}) => {
  const where = options.marketableOnly ? and(audienceWhere(shopId, definition), eq(c.acceptsMarketing, true)) : audienceWhere(shopId, definition);
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(c).where(where);
  return row?.n ?? 0;
};
