import { z } from 'zod';
import type { schema } from '@sumeru/db';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import type { EndpointContext } from '../../pipeline/endpoint';
import { findCustomerOr404 } from '../customers/find-customer';
import { ORDER_INCLUDES, orderSpec } from './order-resource';
import { presentOrders } from './order-includes';

type OrderRow = typeof schema.orders.$inferSelect;

const listPage = async (ctx: EndpointContext<unknown, Record<string, unknown>, unknown>, fixedFilters?: Record<string, string>) => {
  const { tx, query, token, deps } = ctx;
  const plan = parseListQuery(orderSpec, query, { includes: ORDER_INCLUDES, secret: deps.secret, shopId: token.shopId, ...(fixedFilters ? { fixedFilters } : {}) });
  const page = await runList<OrderRow>(tx, orderSpec, plan, deps.secret);
  const { data, included } = await presentOrders(tx, page.rows, plan);
  return {
    status: 200,
    body: listBody(data, page.nextCursor, plan.include.length > 0 ? included : undefined),
  };
};

export const listOrders = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listOrders',
  method: 'get',
  path: '/orders',
  summary: 'List orders',
  scope: 'orders:read',
  stability: 'stable',
  query: 'raw',
  resource: orderSpec,
  includes: ORDER_INCLUDES,
  handler: (ctx) => listPage(ctx),
});

/** The `relationships.orders.links.related` of a customer. */
export const listCustomerOrders = defineEndpoint<{ id: string }, Record<string, unknown>>({
  operationId: 'listCustomerOrders',
  method: 'get',
  path: '/customers/:id/orders',
  summary: "List a customer's orders",
  scope: 'orders:read',
  stability: 'stable',
  params: z.object({ id: z.string() }),
  query: 'raw',
  resource: orderSpec,
  includes: ORDER_INCLUDES,
  handler: async (ctx) => {
    await findCustomerOr404(ctx.tx, ctx.params.id);
    return listPage(ctx, { customer_id: ctx.params.id });
  },
});
