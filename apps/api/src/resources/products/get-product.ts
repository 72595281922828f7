import { z } from 'zod';
import { parseSingleQuery } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { PRODUCT_INCLUDES, productSpec } from './product-resource';
import { presentProducts } from './product-includes';
import { findProductOr404 } from './find-product';

export const getProduct = defineEndpoint<{ id: string }, Record<string, unknown>>({
  operationId: 'getProduct',
  method: 'get',
  path: '/products/:id',
  summary: 'Get a product',
  scope: 'products:read',
  stability: 'stable',
  params: z.object({ id: z.string() }),
  query: 'raw',
  resource: productSpec,
  includes: PRODUCT_INCLUDES,
  handler: async ({ tx, params, query }) => {
    const options = parseSingleQuery(productSpec, query, PRODUCT_INCLUDES);
    const row = await findProductOr404(tx, params.id);
    const { data, included } = await presentProducts(tx, [row], options);
    return { status: 200, body: { data: data[0], ...(options.include.length > 0 ? { included } : {}) } };
  },
});
