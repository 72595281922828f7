import { z } from 'zod';
import { defineEndpoint } from '../../pipeline/endpoint';
import { bulkUpsert } from '../crud/bulk-upsert';
import { customerSpec, serializeCustomer } from './customer-resource';

/** ERP and shop imports: create or update up to 1,000 customers by their external_id. */
export const bulkUpsertCustomers = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'bulkUpsertCustomers',
  method: 'post',
  path: '/customers/bulk',
  summary: 'Create or update up to 1,000 customers by external_id',
  scope: 'customers:write',
  stability: 'stable',
  query: z.strictObject({}),
  body: z.unknown(),
  resource: customerSpec,
  handler: async ({ tx, token, body }) => ({
    status: 200,
    body: { data: await bulkUpsert(tx, customerSpec, 'customer', { agencyId: token.agencyId, shopId: token.shopId }, body, {
      events: { created: 'customer.created', updated: 'customer.updated', data: (row) => serializeCustomer(row) },
    }) },
  }),
});
