import type { schema } from '@sumeru/db';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { CUSTOMER_INCLUDES, customerSpec } from './customer-resource';
import { presentCustomers } from './customer-includes';

type CustomerRow = typeof schema.customers.$inferSelect;

export const listCustomers = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listCustomers',
  method: 'get',
  path: '/customers',
  summary: 'List customers',
  scope: 'customers:read',
  stability: 'stable',
  query: 'raw',
  resource: customerSpec,
  includes: CUSTOMER_INCLUDES,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(customerSpec, query, { includes: CUSTOMER_INCLUDES, secret: deps.secret, shopId: token.shopId });
    const page = await runList<CustomerRow>(tx, customerSpec, plan, deps.secret);
    const { data, included } = await presentCustomers(tx, page.rows, plan);
    return {
      status: 200,
      body: listBody(data, page.nextCursor, plan.include.length > 0 ? included : undefined),
    };
  },
});
