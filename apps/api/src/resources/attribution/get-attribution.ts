import { and, desc, eq } from 'drizzle-orm';
import { schema } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { parseInclude, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { orderSpec } from '../orders/order-resource';
import { orderPageQuery, parseAttributionQuery } from './attribution-query';
import { creditOrders, summarizeByChannel } from './credit-orders';
import { presentAttribution as present, touchpointResource } from './present-attribution';

type OrderRow = typeof schema.orders.$inferSelect;
const SUMMARY_MAX_ORDERS = 200_000;

/**
 * Paid and fulfilled orders in the date range, each credited to its customer's touchpoints by
 * the chosen model. The first page (no cursor) also carries `meta.summary`: credit and
 * revenue per channel over the whole range.
 */
export const getAttribution = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'getAttribution',
  method: 'get',
  path: '/attribution',
  summary: 'Orders credited to marketing touchpoints',
  scope: 'attribution:read',
  stability: 'stable',
  query: 'raw',
  handler: async ({ tx, query, token, deps }) => {
    const q = parseAttributionQuery(query);
    const include = parseInclude(['touchpoints'], q.include);
    const settings = { model: q.filter.model, lookbackDays: q.filter.lookback_days, halfLifeDays: q.filter.half_life_days };
    const plan = parseListQuery(orderSpec, orderPageQuery(q), { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<OrderRow>(tx, orderSpec, plan, deps.secret);
    const credited = await creditOrders(tx, token.shopId, page.rows, settings);
    let summary: ReturnType<typeof summarizeByChannel> | undefined;
    if (!q.cursor) {
      const all = await tx.select().from(schema.orders).where(and(eq(schema.orders.shopId, token.shopId), plan.where)).orderBy(desc(schema.orders.placedAt)).limit(SUMMARY_MAX_ORDERS + 1);
      if (all.length > SUMMARY_MAX_ORDERS) throw new AppError('validation_failed', `The range holds more than ${SUMMARY_MAX_ORDERS} orders; narrow filter[date_from]/filter[date_to].`, { details: { field: 'filter[date_from]' } });
      summary = summarizeByChannel(await creditOrders(tx, token.shopId, all, settings));
    }
    const included = include.includes('touchpoints')
      ? [...new Map(credited.flatMap((c) => c.credits.map((x) => [x.touchpoint.id, touchpointResource(x.touchpoint)] as const))).values()]
      : undefined;
    return {
      status: 200,
      body: {
        data: credited.map((c) => present(c, settings.model)),
        ...(included ? { included } : {}),
        meta: { model: settings.model, lookback_days: settings.lookbackDays, half_life_days: settings.halfLifeDays, ...(summary ? { summary } : {}) },
        pagination: { next_cursor: page.nextCursor, has_next: page.nextCursor !== null },
      },
    };
  },
});

