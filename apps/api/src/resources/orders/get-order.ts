import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { notFound } from '@sumeru/errors';
import { parseSingleQuery } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { ORDER_INCLUDES, orderSpec } from './order-resource';
import { presentOrders } from './order-includes';

export const getOrder = defineEndpoint<{ id: string }, Record<string, unknown>>({
  operationId: 'getOrder',
  method: 'get',
  path: '/orders/:id',
  summary: 'Get an order',
  scope: 'orders:read',
  stability: 'stable',
  params: z.object({ id: z.string() }),
  query: 'raw',
  resource: orderSpec,
  includes: ORDER_INCLUDES,
  handler: async ({ tx, params, query }) => {
    const options = parseSingleQuery(orderSpec, query, ORDER_INCLUDES);
    const [row] = await tx.select().from(schema.orders).where(eq(schema.orders.id, params.id)).limit(1);
    if (!row) throw notFound('order');
    const { data, included } = await presentOrders(tx, [row], options);
    return { status: 200, body: { data: data[0], ...(options.include.length > 0 ? { included } : {}) } };
  },
});
