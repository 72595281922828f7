import type { schema } from '@sumeru/db';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { PRODUCT_INCLUDES, productSpec } from './product-resource';
import { presentProducts } from './product-includes';

type ProductRow = typeof schema.products.$inferSelect;

export const listProducts = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listProducts',
  method: 'get',
  path: '/products',
  summary: 'List products',
  scope: 'products:read',
  stability: 'stable',
  query: 'raw',
  resource: productSpec,
  includes: PRODUCT_INCLUDES,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(productSpec, query, { includes: PRODUCT_INCLUDES, secret: deps.secret, shopId: token.shopId });
    const page = await runList<ProductRow>(tx, productSpec, plan, deps.secret);
    const { data, included } = await presentProducts(tx, page.rows, plan);
    return {
      status: 200,
      body: listBody(data, page.nextCursor, plan.include.length > 0 ? included : undefined),
    };
  },
});
