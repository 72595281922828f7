import { and, count, eq } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';

export type RatingSummary = { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };

/** Approved reviews only. The average is exact integer arithmetic, rounded to two decimals at the end. */
export const ratingSummary = async (tx: Tx, shopId: string, productId: string): Promise<RatingSummary> => {
  const r = schema.reviews;
  const rows = await tx
    .select({ rating: r.rating, n: count() })
    .from(r)
    .where(and(eq(r.shopId, shopId), eq(r.productId, productId), eq(r.status, 'approved')))
    .groupBy(r.rating);
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let total = 0;
  let sum = 0;
  for (const row of rows) {
    distribution[String(row.rating) as keyof typeof distribution] = row.n;
    total += row.n;
    sum += row.rating * row.n;
  }
  return { count: total, average: total === 0 ? null : Math.round((sum * 100) / total) / 100, distribution };
};
