import { z } from 'zod';
import { parseSingleQuery } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { CUSTOMER_INCLUDES, customerSpec } from './customer-resource';
import { presentCustomers } from './customer-includes';
import { findCustomerOr404 } from './find-customer';

export const getCustomer = defineEndpoint<{ id: string }, Record<string, unknown>>({
  operationId: 'getCustomer',
  method: 'get',
  path: '/customers/:id',
  summary: 'Get a customer',
  scope: 'customers:read',
  stability: 'stable',
  params: z.object({ id: z.string() }),
  query: 'raw',
  resource: customerSpec,
  includes: CUSTOMER_INCLUDES,
  handler: async ({ tx, params, query }) => {
    const options = parseSingleQuery(customerSpec, query, CUSTOMER_INCLUDES);
    const row = await findCustomerOr404(tx, params.id);
    const { data, included } = await presentCustomers(tx, [row], options);
    return { status: 200, body: { data: data[0], ...(options.include.length > 0 ? { included } : {}) } };
  },
});
