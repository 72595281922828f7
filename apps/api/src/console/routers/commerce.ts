import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { ORDER_STATUSES } from '@sumeru/domain';
import { authedProcedure, inShop, router } from '../trpc';

const PAGE = 50;
const ZShop = z.object({ shopId: z.string().min(1).max(64), page: z.number().int().min(0).max(1000).default(0) });

export const commerceRouter = router({
  orders: authedProcedure.input(ZShop.extend({ status: z.enum(ORDER_STATUSES).optional() })).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const o = schema.orders;
      const where: SQL[] = [eq(o.shopId, input.shopId)];
      if (input.status) where.push(eq(o.status, input.status));
      const rows = await tx
        .select({ id: o.id, number: o.number, status: o.status, total: o.total, currency: o.currency, placedAt: o.placedAt, customerId: o.customerId, email: schema.customers.email })
        .from(o)
        .leftJoin(schema.customers, eq(schema.customers.id, o.customerId))
        .where(and(...where))
        .orderBy(desc(o.placedAt), desc(o.id))
        .limit(PAGE + 1)
        .offset(input.page * PAGE);
      return { hasNext: rows.length > PAGE, orders: rows.slice(0, PAGE).map((r) => ({ ...r, placedAt: r.placedAt.toISOString() })) };
    }),
  ),

  /** Products with their stock summed over locations. */
  products: authedProcedure.input(ZShop.extend({ search: z.string().trim().max(200).optional() })).query(({ ctx, input }) =>
    inShop(ctx.session, ctx.deps, input.shopId, async (tx) => {
      const p = schema.products;
      const where: SQL[] = [eq(p.shopId, input.shopId)];
      if (input.search) where.push(or(ilike(p.title, `%${input.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`), eq(p.sku, input.search))!);
      const rows = await tx
        .select({
          id: p.id, title: p.title, sku: p.sku, status: p.status, price: p.price, currency: p.currency, vendor: p.vendor,
          // Qualified by hand: drizzle writes a lone table's columns unqualified, which inside the
          // subquery would bind to inventory_levels' own columns.
          stock: sql<number>`(select coalesce(sum(i.quantity), 0)::int from inventory_levels i where i.shop_id = products.shop_id and i.product_id = products.id)`,
        })
        .from(p)
        .where(and(...where))
        .orderBy(p.title, p.id)
        .limit(PAGE + 1)
        .offset(input.page * PAGE);
      return { hasNext: rows.length > PAGE, products: rows.slice(0, PAGE) };
    }),
  ),
});
